// SPDX-License-Identifier: MIT
#include <quire/exchange/format.h>

#include <QFileInfo>

#include <array>
#include <string_view>

using namespace Qt::StringLiterals;

namespace quire::exchange {
namespace {

/** @brief Each format's extension and its name for people, in Format's order. */
struct FormatNames {
    std::u16string_view extension;
    std::u16string_view name;
};
constexpr std::array<FormatNames, 3> kFormatNames {{
    {u"json", u"Quire JSON"},
    {u"csv", u"CSV"},
    {u"ics", u"iCalendar"},
}};

const FormatNames &namesOf(Format format)
{
    return kFormatNames.at(static_cast<std::size_t>(format));
}

} // namespace

QString fileExtension(Format format)
{
    return QStringView(namesOf(format).extension).toString();
}

QString formatName(Format format)
{
    return QStringView(namesOf(format).name).toString();
}

std::optional<Format> formatForExtension(QStringView extension)
{
    const auto is = [&](QStringView name) { return extension.compare(name, Qt::CaseInsensitive) == 0; };
    if (is(u"json"))
        return Format::QuireJson;
    if (is(u"csv"))
        return Format::Csv;
    if (is(u"ics") || is(u"ical") || is(u"ifb"))
        return Format::ICalendar;
    return std::nullopt;
}

bool looksLikeSqlite(QByteArrayView firstBytes)
{
    return firstBytes.startsWith(QByteArrayView("SQLite format 3\0", 16));
}

std::optional<Format> formatForFile(const QString &path, QByteArrayView firstBytes)
{
    if (const auto byName = formatForExtension(QFileInfo(path).suffix()))
        return byName;
    if (firstBytes.isEmpty() || looksLikeSqlite(firstBytes) || firstBytes.contains('\0'))
        return std::nullopt;
    QByteArrayView text = firstBytes;
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3);
    text = text.trimmed();
    if (text.startsWith('{'))
        return Format::QuireJson;
    if (text.size() >= 15 && QByteArrayView(text.first(15)).compare("BEGIN:VCALENDAR", Qt::CaseInsensitive) == 0)
        return Format::ICalendar;
    return Format::Csv;
}

} // namespace quire::exchange

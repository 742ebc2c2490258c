// SPDX-License-Identifier: MIT
// Which format a file is: by its extension, else by its first bytes.
#include <quire/exchange/format.h>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using quire::exchange::fileExtension;
using quire::exchange::Format;
using quire::exchange::formatForFile;

TEST(Format, ExtensionsMapBothWays)
{
    for (const Format format : {Format::QuireJson, Format::Csv, Format::ICalendar})
        EXPECT_EQ(formatForFile(u"/tmp/tasks."_s + fileExtension(format).toUpper(), {}), format);
}

TEST(Format, WithoutAKnownExtensionTheFirstBytesDecide)
{
    EXPECT_EQ(formatForFile(u"export"_s, "\xEF\xBB\xBF  {\"format\": \"quire\"}"), Format::QuireJson);
    EXPECT_EQ(formatForFile(u"export.txt"_s, "begin:vcalendar\r\nVERSION:2.0"), Format::ICalendar);
    EXPECT_EQ(formatForFile(u"export"_s, "Title,Status\r\nA,backlog"), Format::Csv);
}

TEST(Format, ADatabaseOrEmptyFileIsNoFormat)
{
    EXPECT_EQ(formatForFile(u"bluekit.db"_s, QByteArrayView("SQLite format 3\0\x10\x00", 18)), std::nullopt);
    EXPECT_EQ(formatForFile(u"empty"_s, {}), std::nullopt);
}

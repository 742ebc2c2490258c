// SPDX-License-Identifier: MIT
#include "task_column_rows.h"

#include <quire/core/enums.h>
#include <quire/core/task.h>

#include <gtest/gtest.h>

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringList>

#include <optional>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace quire::test {
namespace {

QString keyOf(std::u16string_view key)
{
    return QString::fromUtf16(key.data(), static_cast<qsizetype>(key.size()));
}

/** Every Task key, in field order: the columns of a listing. */
QStringList taskKeys()
{
    QStringList keys;
    core::forEachField(
        core::RecordTraits<core::Task>::fields, [&](const auto &field) { keys.append(keyOf(field.key)); });
    return keys;
}

/** The enum names a column's indexes refer to; empty for a column of plain values. */
QStringList enumNamesOf(const QString &key)
{
    QStringList names;
    core::forEachField(core::RecordTraits<core::Task>::fields, [&](const auto &field) {
        using E = typename core::EnumOf<typename std::remove_cvref_t<decltype(field)>::Type>::type;
        if constexpr (!std::is_void_v<E>) {
            if (keyOf(field.key) == key)
                names = core::enumNames<E>();
        }
    });
    return names;
}

QJsonValue enumValue(const QString &key, const QJsonValue &index)
{
    if (index.isNull())
        return QJsonValue::Null;
    const QStringList names = enumNamesOf(key);
    const int i = index.toInt(-1);
    EXPECT_TRUE(index.isDouble() && i >= 0 && i < names.size()) << key.toStdString() << " index out of range";
    return i >= 0 && i < names.size() ? QJsonValue(names.at(i)) : QJsonValue::Null;
}

} // namespace

QJsonArray taskRowsFromColumns(const QJsonObject &columns)
{
    static const QStringList keys = taskKeys();
    const qsizetype count = columns.value(u"count"_s).toInteger(-1);
    EXPECT_GE(count, 0) << "the listing has no count";
    EXPECT_GE(columns.value(u"total"_s).toInteger(-1), count) << "the listing has no total";
    EXPECT_TRUE(columns.value(u"version"_s).isString()) << "the listing has no version";
    EXPECT_EQ(columns.size(), keys.size() + 3)
        << "the listing has other keys than count, total, version and the Task fields";
    for (const QString &key : keys)
        EXPECT_EQ(columns.value(key).toArray().size(), count) << "column " << key.toStdString();

    QJsonArray rows;
    for (qsizetype i = 0; i < count; ++i) {
        QJsonObject row;
        for (const QString &key : keys) {
            const QJsonValue value = columns.value(key).toArray().at(i);
            row.insert(key, enumNamesOf(key).isEmpty() ? value : enumValue(key, value));
        }
        if (row.value(u"updatedAt"_s).isNull())
            row.insert(u"updatedAt"_s, row.value(u"createdAt"_s));
        rows.append(row);
    }
    return rows;
}

QJsonArray taskRowsFromColumns(const QByteArray &json)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    EXPECT_TRUE(document.isObject()) << "a listing is one JSON object";
    return taskRowsFromColumns(document.object());
}

} // namespace quire::test

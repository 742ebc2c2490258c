// SPDX-License-Identifier: MIT
#pragma once

// Internal to core: a record's columns in SQL, driven by RecordTraits<R>::fields, so that a new
// field needs no hand-counted placeholders or positional reads. Lists of strings are not columns:
// repositories store them in their own tables. A list of records is one column of JSON text.

#include "statement.h"
#include <quire/core/timestamp.h>

#include <quire/core/enums.h>
#include <quire/core/error.h>
#include <quire/core/local_date.h>
#include <quire/core/record.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <optional>
#include <type_traits>

namespace quire::core {

/** @brief Names of fields a statement leaves out (the key of an UPDATE, say). */
using FieldKeys = std::initializer_list<std::u16string_view>;

namespace detail {

inline bool isLeftOut(std::u16string_view key, FieldKeys leftOut)
{
    for (const std::u16string_view candidate : leftOut) {
        if (candidate == key)
            return true;
    }
    return false;
}

inline QString toQString(std::u16string_view text)
{
    return QStringView(text).toString();
}

template<class T>
QJsonValue storedJson(const T &value);

/** A column's text: NULL (nullopt) for an absent optional and for an empty list of records. */
template<class T>
std::optional<QString> storedText(const T &value)
{
    if constexpr (IsOptional<T>::value) {
        return value ? storedText(*value) : std::nullopt;
    } else if constexpr (IsRecordList<T>::value) {
        if (value.isEmpty())
            return std::nullopt;
        QJsonArray array;
        for (const auto &record : value) {
            QJsonObject object;
            forEachField(RecordTraits<typename T::value_type>::fields,
                [&](const auto &field) { object.insert(toQString(field.column), storedJson(record.*field.member)); });
            array.append(object);
        }
        return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
    } else if constexpr (std::is_enum_v<T>) {
        return enumName(value);
    } else if constexpr (std::is_same_v<T, QDateTime>) {
        return formatTimestamp(value);
    } else if constexpr (std::is_same_v<T, LocalDate>) {
        return formatLocalDate(value);
    } else {
        static_assert(std::is_same_v<T, QString>, "no column form for this field type");
        return value;
    }
}

/** A field of a record in a list of records, as the column's JSON holds it. */
template<class T>
QJsonValue storedJson(const T &value)
{
    if constexpr (std::is_same_v<T, bool>) {
        return value;
    } else {
        const std::optional<QString> text = storedText(value);
        return text ? QJsonValue(*text) : QJsonValue(QJsonValue::Null);
    }
}

template<class T>
std::optional<T> fromStoredJson(const QJsonValue &value);

template<class T>
bool readStoredJson(const QJsonValue &value, T &out);

/** The fields of `record` from a stored JSON object; false when one is missing or not of its type. */
template<class Record>
bool readStoredRecord(const QJsonObject &object, Record &record)
{
    bool valid = true;
    forEachField(RecordTraits<Record>::fields, [&](const auto &field) {
        valid = valid && readStoredJson(object.value(QStringView(field.column)), record.*field.member);
    });
    return valid;
}

/** `text` as UTF-8 bytes: borrowed when it is UTF-8 already (as SQLite hands out a column). */
inline QByteArray utf8Bytes(QAnyStringView text)
{
    return text.visit([](auto view) {
        using View = decltype(view);
        if constexpr (std::is_same_v<View, QStringView> || std::is_same_v<View, QLatin1StringView>)
            return view.toString().toUtf8();
        else
            return QByteArray::fromRawData(reinterpret_cast<const char *>(view.data()), view.size());
    });
}

/** A list of records from the JSON text of its column; nullopt when the text is not one. */
template<class List>
std::optional<List> recordListFromStored(QAnyStringView text)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(utf8Bytes(text), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return std::nullopt;
    List records;
    for (const QJsonValue element : document.array()) {
        if (!element.isObject() || !readStoredRecord(element.toObject(), records.emplace_back()))
            return std::nullopt;
    }
    return records;
}

/** The value of a column as its field's type; nullopt when the stored text is not one. */
template<class T>
std::optional<T> fromStored(const std::optional<QAnyStringView> &text)
{
    if constexpr (IsRecordList<T>::value) {
        return text ? recordListFromStored<T>(*text) : std::optional<T>(T());
    } else if constexpr (IsOptional<T>::value) {
        // Built in place: GCC 12 at -O3 warns (falsely) that copying an empty T reads its payload.
        std::optional<T> value;
        if (!text) {
            value.emplace();
            return value;
        }
        auto inner = fromStored<typename T::value_type>(text);
        if (inner)
            value.emplace(std::move(*inner));
        return value;
    } else if (!text) {
        return std::nullopt;
    } else if constexpr (std::is_enum_v<T>) {
        return parseEnum<T>(*text);
    } else if constexpr (std::is_same_v<T, QDateTime>) {
        return parseTimestamp(*text);
    } else if constexpr (std::is_same_v<T, LocalDate>) {
        return parseLocalDate(*text);
    } else {
        static_assert(std::is_same_v<T, QString>, "no column form for this field type");
        return text->toString();
    }
}

template<class T>
std::optional<T> fromStoredJson(const QJsonValue &value)
{
    if constexpr (std::is_same_v<T, bool>) {
        return value.isBool() ? std::optional(value.toBool()) : std::nullopt;
    } else if constexpr (std::is_same_v<T, QString>) {
        return value.isString() ? std::optional(value.toString()) : std::nullopt;
    } else if (value.isString()) {
        const QString text = value.toString();
        return fromStored<T>(QAnyStringView(text));
    } else {
        return value.isNull() || value.isUndefined() ? fromStored<T>(std::nullopt) : std::nullopt;
    }
}

template<class T>
bool readStoredJson(const QJsonValue &value, T &out)
{
    std::optional<T> parsed = fromStoredJson<T>(value);
    if (!parsed)
        return false;
    out = std::move(*parsed);
    return true;
}

/**
 * Column `column` of `row` as a view for fromStored(): UTF-8 as SQLite holds it where the row
 * offers that (SqliteStatement), the driver's QString otherwise. `use` gets it while it lives.
 */
template<class Row, class Use>
decltype(auto) withStoredText(const Row &row, int column, Use &&use)
{
    if constexpr (requires { row.optionalUtf8(column); }) {
        const auto utf8 = row.optionalUtf8(column);
        return use(utf8 ? std::optional<QAnyStringView>(*utf8) : std::nullopt);
    } else {
        const std::optional<QString> text = row.optionalText(column);
        return use(text ? std::optional<QAnyStringView>(*text) : std::nullopt);
    }
}

} // namespace detail

/** @brief "id, title, ...": R's columns in field order, `prefix` before each, without `leftOut`. */
template<class Record>
[[nodiscard]] QString columnList(FieldKeys leftOut = {}, const QString &prefix = QString())
{
    QString list;
    forEachField(RecordTraits<Record>::fields, [&](const auto &field) {
        if (!field.isColumn() || detail::isLeftOut(field.key, leftOut))
            return;
        if (!list.isEmpty())
            list += u", ";
        list += prefix + detail::toQString(field.column);
    });
    return list;
}

/** @brief A list field's JSON copy on its record's row (`tags_json`), which listings read. */
[[nodiscard]] inline QString listCopyColumn(std::u16string_view column)
{
    return detail::toQString(column) + QStringLiteral("_json");
}

/** @brief The list copy columns of R, in field order. */
template<class Record>
[[nodiscard]] QStringList listCopyColumns()
{
    QStringList columns;
    forEachField(RecordTraits<Record>::fields, [&](const auto &field) {
        if (field.isList)
            columns.append(listCopyColumn(field.column));
    });
    return columns;
}

/** @brief Every column of R's row: columnList()'s, then the list copies. */
template<class Record>
[[nodiscard]] QStringList rowColumns()
{
    QStringList columns = columnList<Record>().split(QStringLiteral(", "));
    columns.append(listCopyColumns<Record>());
    return columns;
}

/** @brief "?, ?, ...": one placeholder per column of columnList(leftOut). */
template<class Record>
[[nodiscard]] QString columnPlaceholders(FieldKeys leftOut = {})
{
    QString list;
    forEachField(RecordTraits<Record>::fields, [&](const auto &field) {
        if (field.isColumn() && !detail::isLeftOut(field.key, leftOut))
            list += list.isEmpty() ? u"?" : u", ?";
    });
    return list;
}

/** @brief Binds R's columns in columnList(leftOut) order: enums by name, timestamps as RFC 3339. */
template<class Record>
void bindColumns(Statement &statement, const Record &record, FieldKeys leftOut = {})
{
    forEachField(RecordTraits<Record>::fields, [&](const auto &field) {
        if constexpr (!std::remove_cvref_t<decltype(field)>::isList) {
            if (!detail::isLeftOut(field.key, leftOut))
                statement.bind(detail::storedText(record.*field.member));
        }
    });
}

/**
 * @brief Calls `visit(column, value)` for each column field the patch gives, in field order: the
 * one walk that patchAssignments() and bindPatch() share, so the names and values stay aligned.
 */
template<class Record, class Visitor>
void forEachPatchedColumn(const typename RecordTraits<Record>::Patch &patch, Visitor &&visit)
{
    forEachField(RecordTraits<Record>::fields, [&](const auto &field) {
        using F = std::remove_cvref_t<decltype(field)>;
        if constexpr (!F::isList) {
            forEachField(RecordTraits<Record>::patchFields, [&](const auto &patchField) {
                if constexpr (std::is_same_v<typename std::remove_cvref_t<decltype(patchField)>::Type,
                                  typename F::Type>) {
                    if (patchField.key == field.key && patch.*patchField.from)
                        visit(field.column, *(patch.*patchField.from));
                }
            });
        }
    });
}

/** @brief "title = ?, status = ?": each column field the patch gives, in field order. */
template<class Record>
[[nodiscard]] QStringList patchAssignments(const typename RecordTraits<Record>::Patch &patch)
{
    QStringList assignments;
    forEachPatchedColumn<Record>(patch, [&](std::u16string_view column, const auto &) {
        assignments.append(detail::toQString(column) + QStringLiteral(" = ?"));
    });
    return assignments;
}

/** @brief Binds the values of patchAssignments(), in its order. */
template<class Record>
void bindPatch(Statement &statement, const typename RecordTraits<Record>::Patch &patch)
{
    forEachPatchedColumn<Record>(
        patch, [&](std::u16string_view, const auto &value) { statement.bind(detail::storedText(value)); });
}

/**
 * @brief The record whose columns (in columnList() order) start at column `first` of `row` (a
 * Statement or a SqliteStatement), the
 * first of them its id; a Storage error naming the record and column when a stored value is not
 * of its field's type. Lists are left empty.
 */
template<class Record, class Row>
[[nodiscard]] Result<Record> readColumns(const Row &row, int first = 0)
{
    Record record;
    std::optional<Error> invalid;
    int column = first;
    forEachField(RecordTraits<Record>::fields, [&](const auto &field) {
        using F = std::remove_cvref_t<decltype(field)>;
        if constexpr (!F::isList) {
            detail::withStoredText(row, column++, [&](const std::optional<QAnyStringView> &text) {
                if (auto value = detail::fromStored<typename F::Type>(text)) {
                    record.*field.member = std::move(*value);
                } else if (!invalid) {
                    invalid = Error {ErrorCode::Storage,
                        detail::toQString(RecordTraits<Record>::name) % u' ' % row.text(first)
                            % QStringLiteral(" has an invalid ") % detail::toQString(field.column)
                            % QStringLiteral(" '") % (text ? text->toString() : QStringLiteral("NULL"))
                            % QStringLiteral("' in storage")};
                }
            });
        }
    });
    if (invalid)
        return std::unexpected(std::move(*invalid));
    return record;
}

} // namespace quire::core

// SPDX-License-Identifier: MIT
#pragma once
// The records themselves (Task, Project, their drafts and patches, and RecordTraits naming their
// fields) are generated from resources/ipc-contract.json; this header holds what code that treats
// every field alike (SQL columns, binding, reading, the wire form, arguments) works with.

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace quire::core {

/** @brief Whether a field's type is nullable (an optional). */
template<class T>
struct IsOptional : std::false_type {
};
template<class T>
struct IsOptional<std::optional<T>> : std::true_type {
};

/**
 * @brief Whether a field's type is a list of records (a task's checklist): unlike a list of
 * strings, it is a column of its record's row, and travels as an array of objects.
 */
template<class T>
struct IsRecordList : std::false_type {
};
template<class T>
struct IsRecordList<QList<T>> : std::bool_constant<!std::is_same_v<T, QString>> {
};

/** @brief The enum of an enum field, nullable or not; void for other fields. */
template<class T>
struct EnumOf {
    using type = std::conditional_t<std::is_enum_v<T>, T, void>;
};
template<class T>
struct EnumOf<std::optional<T>> : EnumOf<T> {
};

/**
 * @brief For each record type R: `fields` (a tuple of Field<R, T>), and where commands create or
 * update R, `Draft`/`draftFields` and `Patch`/`patchFields`.
 */
template<class Record>
struct RecordTraits;

/**
 * @brief One field of a record: its wire key, its column name and its member. A list of strings
 * is not a column of the record's table (it is stored in a table of its own, one row per element);
 * its column name names that storage. For the fields of a record that lives in a list of records,
 * the column name is its key in the stored JSON.
 */
template<class Record, class T>
struct Field {
    using Type = T;
    static constexpr bool isList = std::is_same_v<T, QStringList>;
    std::u16string_view key;
    std::u16string_view column;
    T Record::*member;

    [[nodiscard]] constexpr bool isColumn() const { return !isList; }
};

/** @brief A field a draft gives its new record. */
template<class Draft, class Record, class T>
struct DraftField {
    using Type = T;
    std::u16string_view key;
    T Draft::*from;
    T Record::*to;
};

/** @brief A field a patch may change: an empty optional leaves it unchanged. */
template<class Patch, class Record, class T>
struct PatchField {
    using Type = T;
    std::u16string_view key;
    std::optional<T> Patch::*from;
    T Record::*to;
};

/** @brief Calls `visit` with each element of a tuple of fields, in order. */
template<class Fields, class Visitor>
constexpr void forEachField(const Fields &fields, Visitor &&visit)
{
    std::apply([&](const auto &...field) { (visit(field), ...); }, fields);
}

/** @brief A record with the draft's fields; the others keep their defaults. */
template<class Record>
[[nodiscard]] Record recordFromDraft(const typename RecordTraits<Record>::Draft &draft)
{
    Record record;
    forEachField(RecordTraits<Record>::draftFields, [&](const auto &field) { record.*field.to = draft.*field.from; });
    return record;
}

/** @brief Sets each field the patch gives. */
template<class Record>
void applyPatch(Record &record, const typename RecordTraits<Record>::Patch &patch)
{
    forEachField(RecordTraits<Record>::patchFields, [&](const auto &field) {
        if (const auto &value = patch.*field.from)
            record.*field.to = *value;
    });
}

} // namespace quire::core

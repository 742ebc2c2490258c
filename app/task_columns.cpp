// SPDX-License-Identifier: MIT
#include "task_columns.h"

#include "command_table.h"

#include <quire/exchange/json_text.h>

#include <quire/core/enums.h>
#include <quire/core/local_date.h>
#include <quire/core/record.h>
#include <quire/core/timestamp.h>

#include <algorithm>
#include <type_traits>

namespace quire::app {
namespace {

using core::Task;

/** The member of the Task field named `key` if it has type T, else null. */
template<class T>
T Task::*memberNamed(std::u16string_view key)
{
    T Task::*member = nullptr;
    core::forEachField(core::RecordTraits<Task>::fields, [&](const auto &field) {
        if constexpr (std::is_same_v<typename std::remove_cvref_t<decltype(field)>::Type, T>) {
            if (field.key == key)
                member = field.member;
        }
    });
    return member;
}

template<class T>
T Task::*sameAsMember(std::u16string_view key)
{
    for (const auto &[field, sameAs] : contract::TaskColumns::nullMeansSameAs) {
        if (field == key)
            return memberNamed<T>(sameAs);
    }
    return nullptr;
}

} // namespace

QByteArray taskColumnsJson(const core::TaskListing &listing)
{
    const QList<Task> &tasks = listing.tasks;
    QByteArray out;
    // About 230 bytes a task in the seeded benchmark; a close guess saves the copies of growing.
    out.reserve(256 + 240 * tasks.size());
    out.append("{\"count\":").append(QByteArray::number(tasks.size()));
    out.append(",\"total\":").append(QByteArray::number(listing.total));
    out.append(",\"version\":");
    exchange::appendJsonString(out, listing.version);
    core::forEachField(core::RecordTraits<Task>::fields, [&](const auto &field) {
        using T = typename std::remove_cvref_t<decltype(field)>::Type;
        const auto enums = std::ranges::find(contract::TaskColumns::enumIndexes, field.key)
                != contract::TaskColumns::enumIndexes.end()
            ? exchange::EnumsAs::Indexes
            : exchange::EnumsAs::Names;
        T Task::*const sameAs = sameAsMember<T>(field.key);
        out.append(",\"").append(QStringView(field.key).toUtf8());
        out.append("\":[");
        for (qsizetype i = 0; i < tasks.size(); ++i) {
            if (i > 0)
                out.append(',');
            const Task &task = tasks.at(i);
            if (sameAs && task.*field.member == task.*sameAs)
                out.append("null");
            else
                exchange::appendJsonValue(out, task.*field.member, enums);
        }
        out.append(']');
    });
    out.append('}');
    return out;
}

} // namespace quire::app

// SPDX-License-Identifier: MIT
#pragma once

#include <database_thread.h>
#include <quire/core/task.h>

#include <QJsonValue>
#include <QString>

namespace quire::test {

/** @brief A database thread job that creates one task titled `title` and answers its id. */
inline app::DatabaseThread::Job createTaskJob(const QString &title)
{
    return [title](app::Storage &storage, core::Operation &) -> core::Result<QJsonValue> {
        core::TaskDraft draft;
        draft.title = title;
        auto created = storage.tasks->create(draft);
        if (!created)
            return std::unexpected(created.error());
        return QJsonValue(created->id);
    };
}

} // namespace quire::test

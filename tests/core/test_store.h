// SPDX-License-Identifier: MIT
#pragma once

#include "connection_names.h"
#include "temporary_folder.h"
#include <quire/core/database.h>
#include <quire/core/sqlite_history.h>
#include <quire/core/sqlite_project_repository.h>
#include <quire/core/sqlite_task_repository.h>

#include <QString>
#include <QVariant>

#include <memory>
#include <optional>

namespace quire::core_test {

using namespace quire::core;

/**
 * @brief A Database on a real file in a fresh temporary folder, with both repositories and the history.
 *
 * Declare with OPEN_TEST_STORE(store) so that a failed open stops the test with its message.
 */
class TestStore
{
public:
    /** @brief `fileName` inside a new temporary folder, or ":memory:". */
    explicit TestStore(const QString &fileName = QStringLiteral("quire.db"));
    ~TestStore();

    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] const std::optional<Error> &openError() const;

    [[nodiscard]] QString path() const;
    [[nodiscard]] Database &db();
    [[nodiscard]] SqliteTaskRepository &tasks();
    [[nodiscard]] SqliteProjectRepository &projects();
    [[nodiscard]] SqliteHistory &history();

private:
    quire::test::TemporaryFolder m_folder;
    QString m_path;
    std::optional<Error> m_openError;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SqliteTaskRepository> m_tasks;
    std::unique_ptr<SqliteProjectRepository> m_projects;
    std::unique_ptr<SqliteHistory> m_history;
};

/** @brief The first column of the first row of `sql` run on `db` (invalid QVariant when no row); fails the test on
 * error. */
[[nodiscard]] QVariant scalar(Database &db, const QString &sql);
/** @brief Runs one statement on `db`, bypassing the repositories. */
[[nodiscard]] Result<> exec(Database &db, const QString &sql);

/** @brief The tasks of `query` (every task by default) through the repository's one read path, list(). */
[[nodiscard]] Result<QList<Task>> listedTasks(TaskRepository &tasks, const TaskQuery &query = {});
/** @brief The tasks linked to any of `projectIds`, through list(). */
[[nodiscard]] Result<QList<Task>> tasksOfProjects(TaskRepository &tasks, const QStringList &projectIds);

/** @brief The tasks of `ids` after updateMany() applied `patch` to them (without the occurrences it created). */
[[nodiscard]] Result<QList<Task>> updatedTasks(TaskRepository &tasks, const QStringList &ids, const TaskPatch &patch);
/** @brief The one task `id` after updateMany() applied `patch` to it. */
[[nodiscard]] Result<Task> updatedTask(TaskRepository &tasks, const QString &id, const TaskPatch &patch);

/** @brief Runs `sql` statements on a plain QSqlDatabase connection to the file at `path` (creating it). */
[[nodiscard]] Result<> execOnFile(const QString &path, const QStringList &sql);
/** @brief The first column of the first row of `sql` on the file at `path`, opened with a plain connection. */
[[nodiscard]] Result<QVariant> scalarOnFile(const QString &path, const QString &sql);

} // namespace quire::core_test

#define OPEN_TEST_STORE(name, ...)                                                                                     \
    ::quire::core_test::TestStore name {__VA_ARGS__};                                                                  \
    ASSERT_TRUE(name.isOpen()) << ::quire::test::describe(name.openError().value_or(::quire::core::Error {}))

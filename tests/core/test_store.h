// SPDX-License-Identifier: MIT
#pragma once

#include "connection_names.h"
#include "engine_test.h"
#include <quire/core/database.h>
#include <quire/core/sql_history.h>
#include <quire/core/sql_project_repository.h>
#include <quire/core/sql_task_repository.h>

#include <QString>
#include <QVariant>

#include <gtest/gtest.h>

#include <memory>
#include <optional>

namespace quire::core_test {

using namespace quire::core;

using quire::test::currentEngine;
using quire::test::Engine;
using quire::test::engineName;
using quire::test::EngineTest;

/**
 * @brief A Database with both repositories and the history: on a real file in a fresh temporary
 * folder, or (currentEngine() Postgres) in a new database on the test server, dropped afterwards.
 *
 * Declare with OPEN_TEST_STORE(store) so that a failed open stops the test with its message.
 */
class TestStore
{
public:
    /** @brief `fileName` inside a new temporary folder, or ":memory:" (SQLite; ignored on PostgreSQL). */
    explicit TestStore(const QString &fileName = QStringLiteral("quire.db"));
    ~TestStore();
    TestStore(const TestStore &) = delete;
    TestStore &operator=(const TestStore &) = delete;

    [[nodiscard]] bool isOpen() const;
    [[nodiscard]] const std::optional<Error> &openError() const;
    /** @brief Why the store could not be made here at all (no PostgreSQL server), if so. */
    [[nodiscard]] const std::optional<QString> &unavailable() const;
    [[nodiscard]] Engine engine() const;

    [[nodiscard]] QString path() const;
    [[nodiscard]] Database &db();
    [[nodiscard]] SqlTaskRepository &tasks();
    [[nodiscard]] SqlProjectRepository &projects();
    [[nodiscard]] SqlHistory &history();

    /**
     * @brief Makes every `event` (INSERT, UPDATE, DELETE) on `table` fail with `message` (plain
     * text), as a failing disk would.
     */
    [[nodiscard]] Result<> refuse(const QString &event, const QString &table, const QString &message);
    /** @brief Undoes refuse(). */
    [[nodiscard]] Result<> stopRefusing(const QString &event, const QString &table);
    /** @brief Lets the tasks table take values its CHECKs refuse, as a write behind Quire's back would. */
    [[nodiscard]] Result<> allowInvalidValues();

private:
    quire::test::TestDatabaseLocation m_location;
    std::optional<Error> m_openError;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SqlTaskRepository> m_tasks;
    std::unique_ptr<SqlProjectRepository> m_projects;
    std::unique_ptr<SqlHistory> m_history;
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
    if (name.unavailable())                                                                                            \
        GTEST_SKIP() << name.unavailable()->toStdString();                                                             \
    ASSERT_TRUE(name.isOpen()) << ::quire::test::describe(name.openError().value_or(::quire::core::Error {}))

/** @brief In a fixture's SetUp(): skips the test when `store` cannot be made here, fails it when it did not open. */
#define REQUIRE_TEST_STORE(store)                                                                                      \
    if ((store).unavailable())                                                                                         \
        GTEST_SKIP() << (store).unavailable()->toStdString();                                                          \
    ASSERT_TRUE((store).isOpen()) << ::quire::test::describe((store).openError().value_or(::quire::core::Error {}))

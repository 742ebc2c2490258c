// SPDX-License-Identifier: MIT
#pragma once

#include "connection_names.h"
#include "temporary_folder.h"
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

/** @brief The engines a TestStore can hold its data in. */
enum class Engine { Sqlite, Postgres };

/** @brief "Sqlite", "Postgres": the parameter's part of a test's name. */
[[nodiscard]] std::string engineName(Engine engine);
void PrintTo(Engine engine, std::ostream *out);

/** @brief The engine TestStores of the running test use: SQLite unless an EngineTest says otherwise. */
[[nodiscard]] Engine currentEngine();

/**
 * @brief A suite whose tests run once per engine: declare the tests with TEST_P(Suite, ...)
 * where `class Suite : public EngineTest {}`, and INSTANTIATE_FOR_ENGINES(Suite). Their
 * TestStores are on the engine of the run. ctest runs the PostgreSQL half against the cluster of
 * the `postgres` fixture; without one (QUIRE_TEST_POSTGRES unset) those tests are skipped.
 */
class EngineTest : public ::testing::TestWithParam<Engine>
{
protected:
    /** Sets the engine before the fixture's own members (a TestStore, say) are made. */
    EngineTest();
    ~EngineTest() override;
    EngineTest(const EngineTest &) = delete;
    EngineTest &operator=(const EngineTest &) = delete;
};

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
    void createServerDatabase();
    void dropServerDatabase();

    quire::test::TemporaryFolder m_folder;
    Engine m_engine;
    QString m_path;
    /** The database created on the test server for this store. */
    QString m_serverDatabase;
    std::optional<QString> m_unavailable;
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

/** @brief Runs the tests of `Suite` (an EngineTest) on each engine: Engines/Suite.Test/Sqlite and .../Postgres. */
#define INSTANTIATE_FOR_ENGINES(Suite)                                                                                 \
    INSTANTIATE_TEST_SUITE_P(Engines, Suite,                                                                           \
        ::testing::Values(::quire::core_test::Engine::Sqlite, ::quire::core_test::Engine::Postgres),                   \
        [](const ::testing::TestParamInfo<::quire::core_test::Engine> &engine) {                                       \
            return ::quire::core_test::engineName(engine.param);                                                       \
        })

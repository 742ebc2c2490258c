// SPDX-License-Identifier: MIT
#pragma once

#include "temporary_folder.h"

#include <QString>

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <tuple>

namespace quire::test {

/** @brief The engines a test's database can be on. */
enum class Engine { Sqlite, Postgres };

/** @brief "Sqlite", "Postgres": the parameter's part of a test's name. */
[[nodiscard]] std::string engineName(Engine engine);
void PrintTo(Engine engine, std::ostream *out);

/** @brief The engine the running test's databases are on: SQLite unless an EngineTest says otherwise. */
[[nodiscard]] Engine currentEngine();

/**
 * @brief Makes `engine` the current one for as long as it lives: the first base or member of a
 * fixture, so that its databases are made on that engine.
 */
class EngineChoice
{
public:
    explicit EngineChoice(Engine engine);
    ~EngineChoice();
    EngineChoice(const EngineChoice &) = delete;
    EngineChoice &operator=(const EngineChoice &) = delete;
};

/**
 * @brief A suite whose tests run once per engine: declare the tests with TEST_P(Suite, ...)
 * where `class Suite : public EngineTest {}`, and INSTANTIATE_FOR_ENGINES(Suite) once. Their
 * databases (TestDatabaseLocation) are on the engine of the run. ctest runs the PostgreSQL half
 * against the cluster of the `postgres` fixture (quire_discover_tests); without one
 * (QUIRE_TEST_POSTGRES unset) those tests are skipped.
 */
class EngineTest : public ::testing::TestWithParam<Engine>
{
protected:
    /** Sets the engine before the fixture's own members (a database, say) are made. */
    EngineTest();
    ~EngineTest() override;
    EngineTest(const EngineTest &) = delete;
    EngineTest &operator=(const EngineTest &) = delete;

private:
    EngineChoice m_engine;
};

/**
 * @brief EngineTest for a suite with parameters of its own: each test takes (engine, value).
 * Instantiate it once per engine, named after it (INSTANTIATE_FOR_EACH_ENGINE), so that the
 * PostgreSQL half runs with the `postgres` fixture as EngineTest's does.
 */
template<class Value>
class EngineTestWith : public ::testing::TestWithParam<std::tuple<Engine, Value>>
{
protected:
    EngineTestWith()
        : m_engine(std::get<0>(this->GetParam()))
    {
    }

    [[nodiscard]] const Value &value() const { return std::get<1>(this->GetParam()); }

private:
    EngineChoice m_engine;
};

/**
 * @brief Where a test's database is, on currentEngine(): `fileName` in a new temporary folder
 * (or ":memory:"), or a new empty database on the test server, dropped when this goes.
 */
class TestDatabaseLocation
{
public:
    explicit TestDatabaseLocation(const QString &fileName = QStringLiteral("quire.db"));
    ~TestDatabaseLocation();
    TestDatabaseLocation(const TestDatabaseLocation &) = delete;
    TestDatabaseLocation &operator=(const TestDatabaseLocation &) = delete;

    [[nodiscard]] Engine engine() const { return m_engine; }
    /** @brief What Database::open() takes: a file path or a postgresql:// URL. */
    [[nodiscard]] const QString &location() const { return m_location; }
    /** @brief Why there can be no database here at all (no PostgreSQL server), if so: skip the test. */
    [[nodiscard]] const std::optional<QString> &unavailable() const { return m_unavailable; }
    /** @brief Why making it failed, if it did: fail the test. */
    [[nodiscard]] const std::optional<QString> &error() const { return m_error; }

private:
    TemporaryFolder m_folder;
    Engine m_engine;
    QString m_location;
    QString m_serverDatabase;
    std::optional<QString> m_unavailable;
    std::optional<QString> m_error;
};

} // namespace quire::test

/** @brief Instantiates an EngineTestWith<Value> suite with `values` (a generator) on each engine:
 * Sqlite/Suite.Test/Name. */
#define INSTANTIATE_FOR_EACH_ENGINE(Suite, values, name)                                                               \
    INSTANTIATE_TEST_SUITE_P(                                                                                          \
        Sqlite, Suite, ::testing::Combine(::testing::Values(::quire::test::Engine::Sqlite), values), name);            \
    INSTANTIATE_TEST_SUITE_P(                                                                                          \
        Postgres, Suite, ::testing::Combine(::testing::Values(::quire::test::Engine::Postgres), values), name)

/** @brief Runs the tests of `Suite` (an EngineTest) on each engine: Engines/Suite.Test/Sqlite and .../Postgres. */
#define INSTANTIATE_FOR_ENGINES(Suite)                                                                                 \
    INSTANTIATE_TEST_SUITE_P(Engines, Suite,                                                                           \
        ::testing::Values(::quire::test::Engine::Sqlite, ::quire::test::Engine::Postgres),                             \
        [](const ::testing::TestParamInfo<::quire::test::Engine> &engine) {                                            \
            return ::quire::test::engineName(engine.param);                                                            \
        })

// SPDX-License-Identifier: MIT
#include "engine_test.h"

#include "postgres_server.h"

using namespace Qt::StringLiterals;

namespace quire::test {

namespace {

Engine g_engine = Engine::Sqlite;

} // namespace

std::string engineName(Engine engine)
{
    return engine == Engine::Postgres ? "Postgres" : "Sqlite";
}

void PrintTo(Engine engine, std::ostream *out)
{
    *out << engineName(engine);
}

Engine currentEngine()
{
    return g_engine;
}

EngineChoice::EngineChoice(Engine engine)
{
    g_engine = engine;
}

EngineChoice::~EngineChoice()
{
    g_engine = Engine::Sqlite;
}

EngineTest::EngineTest()
    : m_engine(GetParam())
{
}

EngineTest::~EngineTest() = default;

TestDatabaseLocation::TestDatabaseLocation(const QString &fileName)
    : m_engine(currentEngine())
{
    if (m_engine == Engine::Sqlite) {
        if (fileName == u":memory:")
            m_location = fileName;
        else if (m_folder.isValid())
            m_location = m_folder.filePath(fileName);
        else
            m_error = u"cannot create a temporary folder"_s;
        return;
    }
    const auto server = PostgresServer::fromEnvironment();
    if (!server) {
        m_unavailable = u"no PostgreSQL server to test on: ctest starts one (fixture postgres) and names it in "
                        "QUIRE_TEST_POSTGRES"_s;
        return;
    }
    QString error;
    if (auto name = server->createDatabase(error)) {
        m_serverDatabase = *name;
        m_location = server->urlOf(*name);
    } else {
        m_error = error;
    }
}

TestDatabaseLocation::~TestDatabaseLocation()
{
    if (m_serverDatabase.isEmpty())
        return;
    QString error;
    if (const auto server = PostgresServer::fromEnvironment(); server && !server->dropDatabase(m_serverDatabase, error))
        ADD_FAILURE() << error.toStdString();
}

} // namespace quire::test

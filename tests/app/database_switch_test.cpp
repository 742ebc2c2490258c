// SPDX-License-Identifier: MIT
// File ▸ Open database…: the app_*_database commands over a real QWebChannel, opening real SQLite
// files and (the Postgres half) a real server database whose role must give a password.
#include "channel_client.h"
#include "postgres_server.h"

#include <app_bridge.h>
#include <database_switch.h>
#include <database_thread.h>
#include <file_chooser.h>

#include <quire/core/database.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonObject>
#include <QSettings>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QWebChannel>

#include <gtest/gtest.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace quire::test {
namespace {

class DatabaseSwitchTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        // The remembered database goes to this test's own settings file.
        for (const auto format : {QSettings::NativeFormat, QSettings::IniFormat})
            QSettings::setPath(format, QSettings::UserScope, m_dir.filePath(u"settings"_s));
        QSettings().clear();
        m_current = std::make_unique<app::DatabaseThread>(path(u"current.db"_s));
        m_switch = std::make_unique<app::DatabaseSwitch>(path(u"current.db"_s), m_files,
            [this](std::unique_ptr<app::DatabaseThread> database) { m_handedOver = std::move(database); });
        m_app = std::make_unique<app::AppBridge>(*m_current, m_switch.get());
        m_channel.registerObject(u"app"_s, m_app.get());
        m_client = std::make_unique<ChannelClient>(m_channel);
    }

    [[nodiscard]] QString path(const QString &name) const { return m_dir.filePath(name); }

    QJsonObject call(const QString &command, const QJsonObject &args = {})
    {
        return m_client->call(u"app"_s, command, args).toObject();
    }

    /** @brief The data of a successful reply; fails the test on an error. */
    QJsonValue ok(const QString &command, const QJsonObject &args = {})
    {
        const QJsonObject reply = call(command, args);
        EXPECT_TRUE(reply.value(u"ok"_s).toBool())
            << command.toStdString() << ": "
            << reply.value(u"error"_s).toObject().value(u"message"_s).toString().toStdString();
        return reply.value(u"data"_s);
    }

    /** @brief The error of a failed reply; fails the test on success. */
    QJsonObject error(const QString &command, const QJsonObject &args = {})
    {
        const QJsonObject reply = call(command, args);
        EXPECT_FALSE(reply.value(u"ok"_s).toBool()) << command.toStdString() << " succeeded";
        return reply.value(u"error"_s).toObject();
    }

    /** @brief Whether the switch handed a database over within `ms`. */
    bool handedOverWithin(int ms)
    {
        const QDeadlineTimer deadline(ms);
        while (!m_handedOver && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        return m_handedOver != nullptr;
    }

    /** @brief Where the handed-over database's connection goes. */
    QString handedOverPath()
    {
        auto where = m_handedOver
                         ->run([](app::Storage &storage, core::Operation &) -> core::Result<QJsonValue> {
                             return QJsonValue(storage.database->path());
                         })
                         .result();
        return where ? where->toString() : where.error().message;
    }

    static QJsonObject infoOf(const QString &engine, const QString &location)
    {
        return {{u"engine"_s, engine}, {u"location"_s, location}, {u"isDefault"_s, false}};
    }

    QTemporaryDir m_dir;
    app::PlannedFileChooser m_files;
    std::unique_ptr<app::DatabaseThread> m_current;
    std::unique_ptr<app::DatabaseThread> m_handedOver;
    std::unique_ptr<app::DatabaseSwitch> m_switch;
    QWebChannel m_channel;
    std::unique_ptr<app::AppBridge> m_app;
    std::unique_ptr<ChannelClient> m_client;
};

TEST_F(DatabaseSwitchTest, getDatabaseSaysWhichFileIsShown)
{
    EXPECT_EQ(ok(u"app_get_database"_s), infoOf(u"sqlite"_s, path(u"current.db"_s)));
}

TEST_F(DatabaseSwitchTest, aChosenFileIsOpenedRememberedAndHandedOver)
{
    const QString other = path(u"other.db"_s);
    ASSERT_TRUE(app::DatabaseThread(other).openResult()); // a Quire database to choose
    m_files.plan(other);

    EXPECT_EQ(ok(u"app_choose_database_file"_s), infoOf(u"sqlite"_s, other));
    ASSERT_TRUE(handedOverWithin(5'000));
    EXPECT_EQ(handedOverPath(), other);
    EXPECT_EQ(ok(u"app_get_database"_s), infoOf(u"sqlite"_s, other));
    EXPECT_EQ(app::DatabaseSwitch::startLocation(std::nullopt), other);
    EXPECT_EQ(app::DatabaseSwitch::startLocation(u"given.db"_s), u"given.db"_s);
}

TEST_F(DatabaseSwitchTest, aClosedFileDialogOpensNothing)
{
    EXPECT_EQ(ok(u"app_choose_database_file"_s), QJsonValue(QJsonValue::Null));
    EXPECT_FALSE(handedOverWithin(200));
    EXPECT_EQ(ok(u"app_get_database"_s), infoOf(u"sqlite"_s, path(u"current.db"_s)));
    EXPECT_EQ(app::DatabaseSwitch::startLocation(std::nullopt), core::Database::defaultPath());
}

TEST_F(DatabaseSwitchTest, aFileThatIsNotAQuireDatabaseIsRefusedAndTheShownOneStays)
{
    const QString notes = path(u"notes.txt"_s);
    QFile file(notes);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    m_files.plan(notes);

    const QJsonObject failure = error(u"app_choose_database_file"_s);
    EXPECT_EQ(failure.value(u"code"_s), u"storage"_s);
    EXPECT_TRUE(failure.value(u"message"_s).toString().startsWith(u"Failed to open the database file: "_s))
        << failure.value(u"message"_s).toString().toStdString();
    EXPECT_FALSE(handedOverWithin(200));
    EXPECT_EQ(ok(u"app_get_database"_s), infoOf(u"sqlite"_s, path(u"current.db"_s)));
    EXPECT_EQ(app::DatabaseSwitch::startLocation(std::nullopt), core::Database::defaultPath());
}

TEST_F(DatabaseSwitchTest, openDatabaseRefusesAUrlThatIsNotAServersOrAPasswordForTheDefaultFile)
{
    const QJsonObject path = error(u"app_open_database"_s, {{u"url"_s, u"/tmp/tasks.db"_s}});
    EXPECT_EQ(path.value(u"code"_s), u"invalid_argument"_s);
    EXPECT_TRUE(path.value(u"message"_s).toString().contains(u"postgresql://"_s));
    const QJsonObject password = error(u"app_open_database"_s, {{u"password"_s, u"secret"_s}});
    EXPECT_EQ(password.value(u"code"_s), u"invalid_argument"_s);
    EXPECT_FALSE(handedOverWithin(100));
}

TEST_F(DatabaseSwitchTest, aPasswordInsideTheUrlIsRefusedWithoutBeingRepeated)
{
    const QJsonObject failure
        = error(u"app_open_database"_s, {{u"url"_s, u"postgresql://me:hunter2@127.0.0.1:1/quire"_s}});
    EXPECT_EQ(failure.value(u"code"_s), u"invalid_argument"_s);
    EXPECT_FALSE(failure.value(u"message"_s).toString().contains(u"hunter2"_s));
    EXPECT_EQ(app::DatabaseSwitch::startLocation(std::nullopt), core::Database::defaultPath());
}

TEST_F(DatabaseSwitchTest, anUnreachableServerIsAStorageErrorAndTheShownOneStays)
{
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    const QJsonObject failure
        = error(u"app_open_database"_s, {{u"url"_s, u"postgresql://quire@127.0.0.1:1/quire?connect_timeout=3"_s}});
    EXPECT_EQ(failure.value(u"code"_s), u"storage"_s);
    EXPECT_TRUE(failure.value(u"message"_s).toString().contains(u"127.0.0.1"_s));
    EXPECT_FALSE(handedOverWithin(100));
    EXPECT_EQ(ok(u"app_get_database"_s), infoOf(u"sqlite"_s, path(u"current.db"_s)));
}

/** The Postgres half: a database owned by the cluster's role that must give a password. */
class DatabaseSwitchServerTest : public DatabaseSwitchTest, public ::testing::WithParamInterface<int>
{
protected:
    void SetUp() override
    {
        m_server = PostgresServer::fromEnvironment();
        if (!m_server)
            GTEST_SKIP() << "no PostgreSQL server to test on: ctest starts one (fixture postgres)";
        ASSERT_FALSE(m_server->passwordUser.isEmpty()) << "the fixture's cluster has no password role";
        QString failure;
        const auto name = m_server->createDatabase(failure);
        ASSERT_TRUE(name) << failure.toStdString();
        m_database = *name;
        QSqlDatabase admin = m_server->connect();
        ASSERT_TRUE(
            QSqlQuery(admin).exec(u"ALTER DATABASE "_s + m_database + u" OWNER TO "_s + m_server->passwordUser));
        disconnect(admin);
        m_url = u"postgresql://%1@%2:%3/%4"_s.arg(
            m_server->passwordUser, m_server->host, QString::number(m_server->port), m_database);
        DatabaseSwitchTest::SetUp();
    }

    void TearDown() override
    {
        m_client.reset();
        m_app.reset();
        m_handedOver.reset();
        QString failure;
        if (!m_database.isEmpty()) {
            EXPECT_TRUE(m_server->dropDatabase(m_database, failure)) << failure.toStdString();
        }
    }

    std::optional<PostgresServer> m_server;
    QString m_database;
    QString m_url;
};

TEST_P(DatabaseSwitchServerTest, aServerThatWantsAPasswordIsUnauthenticatedUntilItGetsTheRightOne)
{
    const QJsonObject none = error(u"app_open_database"_s, {{u"url"_s, m_url}});
    EXPECT_EQ(none.value(u"code"_s), u"unauthenticated"_s) << none.value(u"message"_s).toString().toStdString();
    EXPECT_TRUE(none.value(u"message"_s)
                    .toString()
                    .endsWith(u"the server asks for the password of "_s + m_server->passwordUser));
    const QJsonObject wrong = error(u"app_open_database"_s, {{u"url"_s, m_url}, {u"password"_s, u"guess"_s}});
    EXPECT_EQ(wrong.value(u"code"_s), u"unauthenticated"_s) << wrong.value(u"message"_s).toString().toStdString();
    EXPECT_TRUE(wrong.value(u"message"_s)
                    .toString()
                    .endsWith(u"the server refused the password of "_s + m_server->passwordUser));
    EXPECT_FALSE(handedOverWithin(100));

    EXPECT_EQ(ok(u"app_open_database"_s, {{u"url"_s, m_url}, {u"password"_s, m_server->password}}),
        infoOf(u"postgresql"_s, m_url));
    ASSERT_TRUE(handedOverWithin(5'000));
    EXPECT_EQ(handedOverPath(), m_url);
    EXPECT_EQ(app::DatabaseSwitch::startLocation(std::nullopt), m_url);
    QSettings().sync();
    QFile settings(QSettings().fileName());
    ASSERT_TRUE(settings.open(QIODevice::ReadOnly)) << settings.fileName().toStdString();
    EXPECT_FALSE(settings.readAll().contains(m_server->password.toUtf8())) << "the password was stored";
}

} // namespace

// Only a server asks for a password.
INSTANTIATE_TEST_SUITE_P(Engines, DatabaseSwitchServerTest, ::testing::Values(0),
    [](const ::testing::TestParamInfo<int> &) { return std::string("Postgres"); });

} // namespace quire::test

// SPDX-License-Identifier: MIT
// What Quire's PostgreSQL engine will stand on, checked against a real server (the ctest fixture
// `postgres`) through Qt 6.4's QPSQL driver: a connection, NOTIFY reaching another connection that
// LISTENs (live refresh between clients), and advisory locks (one client migrates at a time).
#include "postgres_server.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <gtest/gtest.h>

#include <list>
#include <optional>

using namespace Qt::StringLiterals;
using quire::test::PostgresServer;

namespace {

class QpsqlDriver : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const std::optional<PostgresServer> server = PostgresServer::fromEnvironment();
        ASSERT_TRUE(server.has_value()) << "QUIRE_TEST_POSTGRES names no server; run through ctest";
        m_server = *server;
    }

    /** @brief An open connection, closed and removed at the end of the test. */
    QSqlDatabase &connect()
    {
        m_connections.push_back(m_server.connect());
        QSqlDatabase &connection = m_connections.back();
        EXPECT_TRUE(connection.isOpen()) << connection.lastError().text().toStdString();
        return connection;
    }

    void TearDown() override
    {
        for (QSqlDatabase &connection : m_connections)
            quire::test::disconnect(connection);
    }

    static QVariant scalar(const QSqlDatabase &connection, const QString &sql)
    {
        QSqlQuery query(connection);
        EXPECT_TRUE(query.exec(sql)) << query.lastError().text().toStdString();
        return query.next() ? query.value(0) : QVariant();
    }

    PostgresServer m_server;
    std::list<QSqlDatabase> m_connections; // a list: connect() hands out references that must stay valid
};

TEST_F(QpsqlDriver, ConnectsToAPostgresql15ServerOrNewer)
{
    const QSqlDatabase &connection = connect();
    ASSERT_TRUE(connection.isOpen());
    EXPECT_GE(scalar(connection, u"SHOW server_version_num"_s).toInt(), 150000);
    EXPECT_TRUE(connection.driver()->hasFeature(QSqlDriver::EventNotifications));
}

TEST_F(QpsqlDriver, ANotifyReachesAnotherConnectionThatListens)
{
    // Given one connection that listens to quire_changes and another that writes
    QSqlDatabase &listener = connect();
    QSqlDatabase &writer = connect();
    ASSERT_TRUE(listener.driver()->subscribeToNotification(u"quire_changes"_s));
    std::optional<QString> heard;
    QSqlDriver::NotificationSource source = QSqlDriver::UnknownSource;
    QObject::connect(listener.driver(), &QSqlDriver::notification,
        [&](const QString &name, QSqlDriver::NotificationSource from, const QVariant &payload) {
            if (name == u"quire_changes")
                heard = payload.toString();
            source = from;
        });

    // When the writer notifies
    QSqlQuery notify(writer);
    ASSERT_TRUE(notify.exec(u"NOTIFY quire_changes, 'task t-1 updated'"_s)) << notify.lastError().text().toStdString();

    // Then the listener hears it, payload and all, from another session, once its event loop runs
    const QDeadlineTimer deadline(5'000);
    while (!heard && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    ASSERT_TRUE(heard.has_value()) << "no notification within 5 s";
    EXPECT_EQ(*heard, u"task t-1 updated"_s);
    EXPECT_EQ(source, QSqlDriver::OtherSource);
}

TEST_F(QpsqlDriver, AnAdvisoryLockIsHeldByOneSessionAtATime)
{
    // Given a session that holds the lock
    const QSqlDatabase &first = connect();
    const QSqlDatabase &second = connect();
    ASSERT_TRUE(scalar(first, u"SELECT pg_try_advisory_lock(4242)"_s).toBool());

    // Then another cannot take it until the first lets it go
    EXPECT_FALSE(scalar(second, u"SELECT pg_try_advisory_lock(4242)"_s).toBool());
    EXPECT_TRUE(scalar(first, u"SELECT pg_advisory_unlock(4242)"_s).toBool());
    EXPECT_TRUE(scalar(second, u"SELECT pg_try_advisory_lock(4242)"_s).toBool());
}

} // namespace

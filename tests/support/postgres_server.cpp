// SPDX-License-Identifier: MIT
#include "postgres_server.h"

#include "connection_names.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace quire::test {

std::optional<PostgresServer> PostgresServer::fromEnvironment()
{
    QFile file(qEnvironmentVariable("QUIRE_TEST_POSTGRES"));
    if (file.fileName().isEmpty() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    return PostgresServer {
        .url = state.value(u"url"_s).toString(),
        .host = state.value(u"host"_s).toString(),
        .port = state.value(u"port"_s).toInt(),
        .user = state.value(u"user"_s).toString(),
        .passwordUser = state.value(u"passwordUser"_s).toString(),
        .password = state.value(u"password"_s).toString(),
    };
}

QSqlDatabase PostgresServer::connect(const QString &database) const
{
    QSqlDatabase connection = QSqlDatabase::addDatabase(u"QPSQL"_s, uniqueConnectionName(u"postgres"_s));
    connection.setHostName(host);
    connection.setPort(port);
    connection.setUserName(user);
    connection.setDatabaseName(database);
    connection.open();
    return connection;
}

QString PostgresServer::urlOf(const QString &database) const
{
    return u"postgresql://"_s % user % u'@' % host % u':' % QString::number(port) % u'/' % database;
}

std::optional<QString> PostgresServer::createDatabase(QString &error) const
{
    const QString name = u"quire_test_"_s % QUuid::createUuid().toString(QUuid::Id128);
    QSqlDatabase admin = connect();
    std::optional<QString> created;
    if (!admin.isOpen())
        error = u"cannot reach the test server: "_s % admin.lastError().text();
    else if (QSqlQuery create(admin); !create.exec(u"CREATE DATABASE "_s % name))
        error = u"cannot create a test database: "_s % create.lastError().text();
    else
        created = name;
    disconnect(admin);
    return created;
}

bool PostgresServer::dropDatabase(const QString &database, QString &error) const
{
    QSqlDatabase admin = connect();
    QSqlQuery drop(admin);
    const bool dropped = drop.exec(u"DROP DATABASE "_s % database % u" WITH (FORCE)"_s);
    if (!dropped)
        error = u"cannot drop "_s % database % u": "_s % drop.lastError().text();
    drop = QSqlQuery();
    disconnect(admin);
    return dropped;
}

void disconnect(QSqlDatabase &connection)
{
    const QString name = connection.connectionName();
    connection.close();
    connection = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

} // namespace quire::test

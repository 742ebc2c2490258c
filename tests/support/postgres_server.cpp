// SPDX-License-Identifier: MIT
#include "postgres_server.h"

#include "connection_names.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

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

void disconnect(QSqlDatabase &connection)
{
    const QString name = connection.connectionName();
    connection.close();
    connection = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

} // namespace quire::test

// SPDX-License-Identifier: MIT
#include "direct_connection.h"

#include "connection_names.h"
#include "postgres_server.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>

#include <quire/core/database.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace quire::test {

DirectConnection::DirectConnection(const QString &location)
{
    if (core::Database::isServerUrl(location)) {
        const auto server = PostgresServer::fromEnvironment();
        if (!server) {
            m_error = u"no PostgreSQL server to test on (QUIRE_TEST_POSTGRES)"_s;
            return;
        }
        m_db = server->connect(QUrl(location).path().mid(1));
    } else {
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, uniqueConnectionName(u"direct"_s));
        m_db.setDatabaseName(location);
        m_db.open();
    }
    if (!m_db.isOpen())
        m_error = u"cannot open "_s + location + u": "_s + m_db.lastError().text();
}

DirectConnection::~DirectConnection()
{
    const QString name = m_db.connectionName();
    m_db.close();
    m_db = QSqlDatabase();
    if (!name.isEmpty())
        QSqlDatabase::removeDatabase(name);
}

bool DirectConnection::exec(const QString &sql)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    m_error = query.lastError().text();
    return false;
}

QVariant DirectConnection::value(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql)) {
        m_error = query.lastError().text();
        return {};
    }
    return query.next() ? query.value(0) : QVariant();
}

QStringList DirectConnection::rowsOf(const QString &table)
{
    QStringList rows;
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT * FROM \"%1\""_s.arg(table))) {
        rows.append(table + u": cannot read: "_s + query.lastError().text());
        return rows;
    }
    while (query.next()) {
        QStringList fields;
        for (int i = 0; i < query.record().count(); ++i)
            fields.append(query.record().fieldName(i) + u'=' + query.value(i).toString());
        rows.append(table + u": "_s + fields.join(u" | "_s));
    }
    rows.sort();
    return rows;
}

QStringList DirectConnection::dump()
{
    const bool server = m_db.driverName() == u"QPSQL";
    QStringList dump;
    QStringList tables;
    QSqlQuery schema(m_db);
    // The schema's own text on SQLite; on a server, each column's name and type in order.
    const QString schemaSql = server ? u"SELECT 'column', table_name, column_name || ' ' || data_type FROM "
                                       "information_schema.columns WHERE table_schema = 'public' "
                                       "ORDER BY table_name, ordinal_position"_s
                                     : u"SELECT type, name, sql FROM sqlite_schema ORDER BY type, name"_s;
    if (!schema.exec(schemaSql))
        return {u"cannot read the schema: "_s + schema.lastError().text()};
    while (schema.next()) {
        dump.append(
            schema.value(0).toString() + u' ' + schema.value(1).toString() + u": "_s + schema.value(2).toString());
        if (server || schema.value(0).toString() == u"table")
            tables.append(schema.value(1).toString());
    }
    tables.removeDuplicates();
    dump.append(u"user_version="_s
        + value(server ? u"SELECT version FROM quire_schema"_s : u"PRAGMA user_version"_s).toString());
    for (const QString &table : std::as_const(tables))
        dump.append(rowsOf(table));
    return dump;
}

std::string dumpDifference(const QStringList &after, const QStringList &before)
{
    for (qsizetype i = 0; i < std::max(after.size(), before.size()); ++i) {
        const QString a = after.value(i, u"<nothing>"_s);
        const QString b = before.value(i, u"<nothing>"_s);
        if (a != b)
            return (u"line %1: before '%2', after '%3'"_s.arg(i).arg(b.left(200), a.left(200))).toStdString();
    }
    return {};
}

} // namespace quire::test

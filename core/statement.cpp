// SPDX-License-Identifier: MIT
#include "statement.h"

#include "database_p.h"

#include <quire/core/database.h>
#include <quire/core/operation.h>

#include <QSqlError>

#include <utility>

using namespace Qt::StringLiterals;

namespace quire::core {

namespace {

// SQLite result codes (primary and extended) or PostgreSQL's SQLSTATE for a UNIQUE or PRIMARY
// KEY violation.
bool isUniqueViolation(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    if (code == u"2067"_s || code == u"1555"_s || code == u"23505"_s)
        return true;
    return code == u"19"_s && error.databaseText().contains(u"UNIQUE constraint failed"_s);
}

// SQLITE_INTERRUPT, or PostgreSQL's query_canceled: Database::interrupt() stopped the statement
// because the person cancelled.
bool isInterrupted(const QSqlError &error)
{
    return error.nativeErrorCode() == u"9"_s || error.nativeErrorCode() == u"57014"_s;
}

/**
 * PostgreSQL's message without what libpq puts around it: "ERROR:  " before, and the lines
 * after the first (the statement quoted, a caret under it).
 */
QString withoutServerDecoration(QString reason)
{
    for (const QString &severity : {u"ERROR:  "_s, u"FATAL:  "_s}) {
        if (reason.startsWith(severity))
            reason.remove(0, severity.size());
    }
    if (const qsizetype end = reason.indexOf(u'\n'); end >= 0)
        reason.truncate(end);
    return reason.trimmed();
}

} // namespace

Error storageError(const QString &what, const QSqlError &error)
{
    QString reason = withoutServerDecoration(error.databaseText());
    if (reason.isEmpty())
        reason = error.driverText();
    if (reason.isEmpty())
        reason = u"unknown database error"_s;
    if (isInterrupted(error))
        return cancelledError();
    return Error {isUniqueViolation(error) ? ErrorCode::Conflict : ErrorCode::Storage, what % u": "_s % reason};
}

Result<Statement> Statement::prepare(Database &db, const QString &what, const QString &sql)
{
    // Compiling SQL costs more than running a small write: a finished query is kept per SQL text
    // and reused. take() keeps one query from serving two live Statements at once.
    if (auto cached = db.d->preparedQueries.find(sql); cached != db.d->preparedQueries.end()) {
        QSqlQuery query = std::move(cached.value());
        db.d->preparedQueries.erase(cached);
        return Statement(db, what, sql, std::move(query));
    }
    QSqlQuery query(db.d->connection);
    // Forward-only: QSqlQuery otherwise caches every row it has seen.
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return std::unexpected(storageError(what, query.lastError()));
    return Statement(db, what, sql, std::move(query));
}

Statement::Statement(Database &db, QString what, QString sql, QSqlQuery query)
    : m_db(&db)
    , m_what(std::move(what))
    , m_sql(std::move(sql))
    , m_query(std::move(query))
{
}

Statement::Statement(Statement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_what(std::move(other.m_what))
    , m_sql(std::move(other.m_sql))
    , m_query(std::move(other.m_query))
    , m_valuesUnsent(other.m_valuesUnsent)
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        recycle();
        m_db = std::exchange(other.m_db, nullptr);
        m_what = std::move(other.m_what);
        m_sql = std::move(other.m_sql);
        m_query = std::move(other.m_query);
        m_valuesUnsent = other.m_valuesUnsent;
    }
    return *this;
}

Statement::~Statement()
{
    recycle();
}

void Statement::recycle()
{
    if (!m_db)
        return;
    m_query.finish();
    if (!m_valuesUnsent)
        m_db->d->preparedQueries.insert(m_sql, m_query);
    m_db = nullptr;
}

Statement &Statement::bind(const QVariant &value)
{
    m_valuesUnsent = true;
    m_query.addBindValue(value);
    return *this;
}

Statement &Statement::bind(const QString &value)
{
    // A null QString binds NULL; text columns are NOT NULL, so bind "" for an empty value.
    m_valuesUnsent = true;
    m_query.addBindValue(value.isNull() ? QString(u""_s) : value);
    return *this;
}

Statement &Statement::bind(const std::optional<QString> &value)
{
    if (value)
        return bind(*value);
    m_valuesUnsent = true;
    m_query.addBindValue(QVariant(QMetaType::fromType<QString>()));
    return *this;
}

Result<> Statement::exec()
{
    if (m_db->d->interrupted.load())
        return std::unexpected(cancelledError());
    ++m_db->d->queryCount;
    m_valuesUnsent = false;
    if (!m_query.exec())
        return std::unexpected(storageError(m_what, m_query.lastError()));
    return {};
}

Result<> Statement::executeUnprepared(Database &db, const QString &what, const QString &sql)
{
    ++db.d->queryCount;
    QSqlQuery query(db.d->connection);
    if (!query.exec(sql))
        return std::unexpected(storageError(what, query.lastError()));
    return {};
}

Result<QVariant> Statement::queryValue(Database &db, const QString &what, const QString &sql, const QStringList &values)
{
    auto statement = run(db, what, sql, values);
    if (!statement)
        return std::unexpected(std::move(statement.error()));
    auto value = statement->singleValue();
    if (!value)
        return std::unexpected(std::move(value.error()));
    return value->value_or(QVariant());
}

Result<QStringList> Statement::texts(int column)
{
    QStringList texts;
    if (auto read = forEachRow([&](const Statement &row) { texts.append(row.text(column)); }); !read)
        return std::unexpected(std::move(read.error()));
    return texts;
}

Result<std::optional<QVariant>> Statement::singleValue(int column)
{
    if (m_query.next()) {
        QVariant v = m_query.value(column);
        m_query.finish();
        return std::optional<QVariant>(std::move(v));
    }
    if (auto ok = checkFetch(); !ok)
        return std::unexpected(std::move(ok.error()));
    return std::optional<QVariant>();
}

QVariant Statement::value(int column) const
{
    return m_query.value(column);
}

QString Statement::text(int column) const
{
    return m_query.value(column).toString();
}

std::optional<QString> Statement::optionalText(int column) const
{
    const QVariant v = m_query.value(column);
    if (v.isNull())
        return std::nullopt;
    return v.toString();
}

int Statement::rowsAffected() const
{
    return m_query.numRowsAffected();
}

void Statement::finish()
{
    m_query.finish();
}

Result<> Statement::checkFetch() const
{
    // next() returns false both at the end and on a failed step; only the latter sets an error.
    if (m_query.lastError().isValid())
        return std::unexpected(storageError(m_what, m_query.lastError()));
    return {};
}

} // namespace quire::core

// SPDX-License-Identifier: MIT
#include "sqlite_statement.h"

#include "database_p.h"

#include <quire/core/operation.h>

#include <QSqlDriver>

#include <sqlite3.h>

#include <utility>

using namespace Qt::StringLiterals;

namespace quire::core {

namespace {

Error sqliteError(const QString &what, sqlite3 *handle)
{
    const int code = sqlite3_extended_errcode(handle);
    if (code == SQLITE_INTERRUPT)
        return cancelledError(); // Database::interrupt(): the person cancelled
    const bool unique = code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY;
    return Error {
        unique ? ErrorCode::Conflict : ErrorCode::Storage, what % u": "_s % QString::fromUtf8(sqlite3_errmsg(handle))};
}

QUtf8StringView utf8At(sqlite3_stmt *statement, int column)
{
    // text() before bytes(): the length is that of the UTF-8 form text() made.
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return QUtf8StringView(text, sqlite3_column_bytes(statement, column));
}

} // namespace

sqlite3 *Database::Private::sqliteHandle()
{
    if (!handle) {
        // QSQLITE hands out its sqlite3* as a QVariant of that type name.
        const QVariant native = connection.driver()->handle();
        if (native.isValid() && qstrcmp(native.typeName(), "sqlite3*") == 0)
            handle = *static_cast<sqlite3 *const *>(native.constData());
    }
    return handle;
}

bool Database::Private::inTransaction()
{
    sqlite3 *native = sqliteHandle();
    return native == nullptr || sqlite3_get_autocommit(native) == 0;
}

void Database::interrupt()
{
    d->interrupted.store(true); // before the statement stops, so that the next one cannot start
    if (sqlite3 *handle = d->interruptHandle.load())
        sqlite3_interrupt(handle);
    d->cancelServerStatement();
}

void Database::resume()
{
    d->interrupted.store(false);
}

void Database::Private::finalizeSqliteStatements()
{
    for (sqlite3_stmt *statement : std::as_const(sqliteStatements))
        sqlite3_finalize(statement);
    sqliteStatements.clear();
    interruptHandle = nullptr;
    handle = nullptr;
}

Result<SqliteStatement> SqliteStatement::prepare(Database &db, const QString &what, const QString &sql)
{
    sqlite3 *handle = db.d->sqliteHandle();
    if (!handle)
        return fail(ErrorCode::Storage, what % u": the database connection is not open"_s);
    if (auto cached = db.d->sqliteStatements.find(sql); cached != db.d->sqliteStatements.end()) {
        sqlite3_stmt *statement = cached.value();
        db.d->sqliteStatements.erase(cached);
        return SqliteStatement(db, what, statement);
    }
    sqlite3_stmt *statement = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v3(
            handle, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_PREPARE_PERSISTENT, &statement, nullptr)
        != SQLITE_OK) {
        sqlite3_finalize(statement);
        return std::unexpected(sqliteError(what, handle));
    }
    return SqliteStatement(db, what, statement);
}

SqliteStatement::SqliteStatement(Database &db, QString what, sqlite3_stmt *statement)
    : m_db(&db)
    , m_what(std::move(what))
    , m_statement(statement)
{
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_what(std::move(other.m_what))
    , m_statement(std::exchange(other.m_statement, nullptr))
    , m_nextParameter(other.m_nextParameter)
    , m_stepped(other.m_stepped)
{
}

SqliteStatement::~SqliteStatement()
{
    if (!m_db || !m_statement)
        return;
    // Reset releases the read cursor now; the compiled statement waits for the next prepare().
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    const QString sql = QString::fromUtf8(sqlite3_sql(m_statement));
    if (m_db->d->sqliteStatements.contains(sql))
        sqlite3_finalize(m_statement);
    else
        m_db->d->sqliteStatements.insert(sql, m_statement);
}

SqliteStatement &SqliteStatement::bind(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text64(m_statement, m_nextParameter++, utf8.constData(), static_cast<sqlite3_uint64>(utf8.size()),
        SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

SqliteStatement &SqliteStatement::bind(qint64 number)
{
    sqlite3_bind_int64(m_statement, m_nextParameter++, number);
    return *this;
}

SqliteStatement &SqliteStatement::bind(const QVariant &value)
{
    if (value.isNull()) {
        sqlite3_bind_null(m_statement, m_nextParameter++);
        return *this;
    }
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::Bool: return bind(value.toLongLong());
    default: return bind(value.toString());
    }
}

Result<bool> SqliteStatement::step()
{
    if (!m_stepped) {
        if (m_db->d->interrupted.load())
            return std::unexpected(cancelledError());
        m_stepped = true;
        ++m_db->d->queryCount;
    }
    switch (sqlite3_step(m_statement)) {
    case SQLITE_ROW: return true;
    case SQLITE_DONE: return false;
    default: return std::unexpected(sqliteError(m_what, sqlite3_db_handle(m_statement)));
    }
}

QString SqliteStatement::text(int column) const
{
    return utf8At(m_statement, column).toString();
}

QUtf8StringView SqliteStatement::utf8(int column) const
{
    return utf8At(m_statement, column);
}

std::optional<QUtf8StringView> SqliteStatement::optionalUtf8(int column) const
{
    if (sqlite3_column_type(m_statement, column) == SQLITE_NULL)
        return std::nullopt;
    return utf8At(m_statement, column);
}

qint64 SqliteStatement::number(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

} // namespace quire::core

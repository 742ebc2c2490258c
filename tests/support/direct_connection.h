// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace quire::test {

/**
 * @brief A plain Qt SQL connection to a test database, as another program would open it, behind
 * Quire's back: the SQLite file (QSQLITE) or the server database (QPSQL, on the test server) that
 * a TestDatabaseLocation names. Closed and removed when it goes.
 */
class DirectConnection
{
public:
    explicit DirectConnection(const QString &location);
    ~DirectConnection();
    DirectConnection(const DirectConnection &) = delete;
    DirectConnection &operator=(const DirectConnection &) = delete;

    [[nodiscard]] bool isOpen() const { return m_db.isOpen(); }
    /** @brief Why it is not open, or why the last statement failed. */
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QSqlDatabase &db() { return m_db; }

    /** @brief Runs one statement; false (and error() set) when it fails. */
    bool exec(const QString &sql);
    /** @brief The first column of the first row of `sql`; an invalid QVariant when there is none or it failed. */
    [[nodiscard]] QVariant value(const QString &sql);

    /**
     * @brief Every table of Quire's schema (its columns and its rows, sorted) and the schema's
     * version, as text: two equal dumps are two equal databases, on either engine.
     */
    [[nodiscard]] QStringList dump();

private:
    [[nodiscard]] QStringList rowsOf(const QString &table);

    QSqlDatabase m_db;
    QString m_error;
};

/** @brief Empty when equal, else the first line that differs (gtest would print whole dumps as bytes). */
[[nodiscard]] std::string dumpDifference(const QStringList &after, const QStringList &before);

} // namespace quire::test

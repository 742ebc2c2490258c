// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace quire::test {

/** @brief Where the cluster of the ctest fixture `postgres` listens (pg_cluster.mjs's state file). */
struct PostgresServer {
    QString url; ///< postgresql://user@host:port/postgres
    QString host;
    int port = 0;
    QString user;
    QString passwordUser; ///< a role that must give `password` (the others are trusted)
    QString password;

    /** @brief The fixture's server, read from the file QUIRE_TEST_POSTGRES names; nullopt without one. */
    [[nodiscard]] static std::optional<PostgresServer> fromEnvironment();

    /** @brief A new open QPSQL connection (a unique name) to `database`; check isOpen() and lastError(). */
    [[nodiscard]] QSqlDatabase connect(const QString &database = QStringLiteral("postgres")) const;
    /** @brief The URL of `database` on this server, as Quire opens it. */
    [[nodiscard]] QString urlOf(const QString &database) const;
    /** @brief Creates a new empty database with a unique name and returns the name; nullopt and `error` set on failure.
     */
    [[nodiscard]] std::optional<QString> createDatabase(QString &error) const;
    /** @brief Drops `database`, closing what is still connected to it; false and `error` set on failure. */
    bool dropDatabase(const QString &database, QString &error) const;
};

/** @brief Removes a connection that connect() made, once no QSqlDatabase copy of it is left. */
void disconnect(QSqlDatabase &connection);

} // namespace quire::test

// SPDX-License-Identifier: MIT
#pragma once

#include <quire/core/error.h>

#include <QFuture>
#include <QJsonValue>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace quire::app {

class DatabaseThread;
class FileChooser;

/**
 * @brief Which database the window shows, and the move to another one. The new database opens on
 * a thread of its own while the one shown goes on working, and is handed over (`switchTo`) only
 * once it is open, so one that cannot be opened changes nothing. The last one opened here is what
 * the next start opens when the command line names none (startLocation()); its password, if it
 * needed one, is never remembered.
 */
class DatabaseSwitch final : public QObject
{
    Q_OBJECT

public:
    /** @brief Takes over the opened database, from the event loop after the reply that announced it. */
    using SwitchTo = std::function<void(std::unique_ptr<DatabaseThread> database)>;

    /** @brief `location` is the database shown now; `chooser` asks for database files. */
    DatabaseSwitch(QString location, FileChooser &chooser, SwitchTo switchTo, QObject *parent = nullptr);
    ~DatabaseSwitch() override;

    DatabaseSwitch(const DatabaseSwitch &) = delete;
    DatabaseSwitch &operator=(const DatabaseSwitch &) = delete;

    /** @brief The database shown now, as the contract's DatabaseInfo. */
    [[nodiscard]] QJsonValue info() const;

    /**
     * @brief Opens `location` (a file or a postgresql:// URL) with `password` (empty: none, or
     * libpq's own). Its result is the DatabaseInfo of the database once it is the one shown and
     * remembered, or why it could not be opened (core::Database::open()'s errors).
     */
    [[nodiscard]] QFuture<core::Result<QJsonValue>> open(const QString &location, const QString &password);

    /** @brief Asks for a database file, then open()s it; null when the person closed the dialog. */
    [[nodiscard]] QFuture<core::Result<QJsonValue>> chooseFileAndOpen();

    /** @brief What a start opens: `given` on the command line, else the database last opened here, else the default
     * file. */
    [[nodiscard]] static QString startLocation(const std::optional<QString> &given);

private:
    QString m_location;
    FileChooser &m_chooser;
    SwitchTo m_switchTo;
};

} // namespace quire::app

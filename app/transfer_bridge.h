// SPDX-License-Identifier: MIT
#pragma once

#include "command_dispatch.h"
#include "file_chooser.h"

#include <quire/core/data_transfer.h>

#include <QFuture>
#include <QHash>
#include <QJsonDocument>
#include <QJsonValue>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace quire::app {

class DatabaseThread;

/**
 * @brief Import and export (object "transfer"). The person picks every file through `chooser`
 * (the system's dialog): the page asks for an export or an import, never for a path. A file to
 * import is read and previewed first; it is kept here, by its importId, until the page imports or
 * discards it.
 */
class TransferBridge final : public QObject
{
    Q_OBJECT

public:
    TransferBridge(DatabaseThread &database, FileChooser &chooser, QObject *parent = nullptr);

public Q_SLOTS:
    // Called by the page: frontend/src/features/transfer.
    QFuture<QJsonDocument> transfer_export_tasks(const QJsonValue &args);
    QFuture<QJsonDocument> transfer_preview_import(const QJsonValue &args);
    QFuture<QJsonDocument> transfer_import(const QJsonValue &args);
    QJsonDocument transfer_discard_import(const QJsonValue &args);

Q_SIGNALS:
    /** @brief After an import: every list loads again (forwarded to the tasks and projects objects). */
    void tasksChanged(const QJsonDocument &change);
    void projectsChanged(const QJsonDocument &change);

private:
    /** @brief The job to run on the file the person chose. */
    using JobOnFile = std::function<OperationJob(const QString &path)>;
    using Ask = std::function<void(FileChosen)>;

    /**
     * @brief Checks the arguments, asks the person for a file, then runs the job on it; replies
     * null when the person closed the dialog.
     */
    QFuture<QJsonDocument> afterChoosing(const QString &command, const QJsonValue &args, const Ask &ask,
        JobOnFile jobOnFile, SuccessHandler onSuccess = {});

    /** @brief A file read for import, waiting for the page to import or discard it. */
    struct PendingImport {
        core::Snapshot snapshot;
        QString fileName;
    };

    DatabaseThread &m_database;
    FileChooser &m_chooser;
    QHash<QString, std::shared_ptr<const PendingImport>> m_pendingImports;
};

} // namespace quire::app

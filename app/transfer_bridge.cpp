// SPDX-License-Identifier: MIT
#include "transfer_bridge.h"

#include "change_events.h"
#include "database_thread.h"
#include "envelope.h"

#include <quire/core/enums.h>
#include <quire/exchange/bluekit.h>
#include <quire/exchange/record_json.h>
#include <quire/exchange/transfer_file.h>

#include <QDate>
#include <QFileInfo>
#include <QPointer>
#include <QPromise>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

const QString kFormat = u"format"_s;
const QString kSource = u"source"_s;
const QString kImportId = u"importId"_s;

/** @brief The file format the page named ("json", "csv", "ics": the contract's fileFormat). */
exchange::Format exportFormat(const Arguments &arguments)
{
    return exchange::formatForExtension(arguments.string(kFormat)).value_or(exchange::Format::QuireJson);
}

QString fileFilter(exchange::Format format)
{
    const QString extension = exchange::fileExtension(format);
    return exchange::formatName(format) + u" (*."_s + extension + u')';
}

/** @brief What an import adds and skips, for a preview or a summary. */
template<class Counts>
Counts countsOf(const QString &fileName, const core::ImportReport &report)
{
    Counts counts;
    counts.fileName = fileName;
    counts.projects = report.projectsAdded;
    counts.tasks = report.tasksAdded;
    counts.projectsSkipped = report.projectsSkipped.size();
    counts.tasksSkipped = report.tasksSkipped.size();
    return counts;
}

void answer(QPromise<QJsonDocument> &promise, const QJsonDocument &reply)
{
    promise.addResult(reply);
    promise.finish();
}

} // namespace

TransferBridge::TransferBridge(DatabaseThread &database, FileChooser &chooser, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_chooser(chooser)
{
}

QFuture<QJsonDocument> TransferBridge::afterChoosing(
    const QString &command, const QJsonValue &args, const Ask &ask, JobOnFile jobOnFile, SuccessHandler onSuccess)
{
    const CommandSpec &spec = commandSpec(command);
    if (auto arguments = decodeArguments(spec, args); !arguments)
        return QtFuture::makeReadyFuture(errorEnvelope(arguments.error(), spec.action));
    auto promise = std::make_shared<QPromise<QJsonDocument>>();
    promise->start();
    ask([self = QPointer(this), promise, command, args, jobOnFile = std::move(jobOnFile),
            onSuccess = std::move(onSuccess)](const std::optional<QString> &path) {
        if (!self) {
            answer(*promise, errorEnvelope(closingError(), commandSpec(command).action));
            return;
        }
        if (!path) {
            answer(*promise, okEnvelope(QJsonValue::Null));
            return;
        }
        // The reply future finishes on this thread (command_dispatch's gate), so Sync is safe.
        dispatchOperation(self, self->m_database, command, args, jobOnFile(*path), onSuccess)
            .then(QtFuture::Launch::Sync, [promise](const QJsonDocument &reply) { answer(*promise, reply); });
    });
    return promise->future();
}

QFuture<QJsonDocument> TransferBridge::transfer_export_tasks(const QJsonValue &args)
{
    const auto decoded = decodeArguments(commandSpec(u"transfer_export_tasks"), args);
    const exchange::Format format = decoded ? exportFormat(*decoded) : exchange::Format::QuireJson;
    const QString suggested
        = u"quire-tasks-"_s + QDate::currentDate().toString(Qt::ISODate) + u'.' + exchange::fileExtension(format);
    return afterChoosing(
        u"transfer_export_tasks"_s, args,
        [this, suggested, format](
            FileChosen chosen) { m_chooser.chooseFileToSave(suggested, fileFilter(format), std::move(chosen)); },
        [format](const QString &path) -> OperationJob {
            return [format, path](
                       const Arguments &, Storage &storage, core::Operation &operation) -> core::Result<QJsonValue> {
                auto summary = exchange::exportToFile(*storage.transfer, path, format, operation);
                if (!summary)
                    return std::unexpected(std::move(summary.error()));
                return QJsonValue(exchange::toJson(*summary));
            };
        });
}

QFuture<QJsonDocument> TransferBridge::transfer_preview_import(const QJsonValue &args)
{
    const auto decoded = decodeArguments(commandSpec(u"transfer_preview_import"), args);
    const bool fromBlueKit = decoded && decoded->string(kSource) == u"bluekit"_s;
    const QString importId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // Filled on the database thread, kept here once the preview succeeded.
    auto read = std::make_shared<std::shared_ptr<const PendingImport>>();
    return afterChoosing(
        u"transfer_preview_import"_s, args,
        [this, fromBlueKit](FileChosen chosen) {
            if (fromBlueKit) {
                m_chooser.chooseFileToOpen(
                    exchange::defaultBlueKitPath(), u"BlueKit database (*.db)"_s, std::move(chosen));
                return;
            }
            m_chooser.chooseFileToOpen({},
                u"Tasks (*.json *.csv *.ics);;Quire JSON (*.json);;CSV (*.csv);;iCalendar (*.ics);;All files (*)"_s,
                std::move(chosen));
        },
        [importId, read](const QString &path) -> OperationJob {
            return [importId, read, path](
                       const Arguments &, Storage &storage, core::Operation &operation) -> core::Result<QJsonValue> {
                auto file = exchange::readFileToImport(path, operation);
                if (!file)
                    return std::unexpected(std::move(file.error()));
                auto report = storage.transfer->import(file->parsed.snapshot, core::ImportMode::Preview, operation);
                if (!report)
                    return std::unexpected(std::move(report.error()));
                const QString fileName = QFileInfo(path).fileName();
                auto preview = countsOf<core::ImportPreview>(fileName, *report);
                preview.importId = importId;
                preview.format = file->formatName;
                preview.notes = file->parsed.notes;
                *read
                    = std::make_shared<const PendingImport>(PendingImport {std::move(file->parsed.snapshot), fileName});
                return QJsonValue(exchange::toJson(preview));
            };
        },
        [this, importId, read](const Arguments &, const QJsonValue &) { m_pendingImports.insert(importId, *read); });
}

QFuture<QJsonDocument> TransferBridge::transfer_import(const QJsonValue &args)
{
    const auto decoded = decodeArguments(commandSpec(u"transfer_import"), args);
    const QString importId = decoded ? decoded->string(kImportId) : QString();
    const std::shared_ptr<const PendingImport> pending = m_pendingImports.value(importId);
    return dispatchOperation(
        this, m_database, u"transfer_import", args,
        [pending, importId](
            const Arguments &, Storage &storage, core::Operation &operation) -> core::Result<QJsonValue> {
            if (!pending) {
                return core::fail(
                    core::ErrorCode::NotFound, u"no file read for import %1: choose the file again"_s.arg(importId));
            }
            auto report = storage.transfer->import(pending->snapshot, core::ImportMode::Commit, operation);
            if (!report)
                return std::unexpected(std::move(report.error()));
            return QJsonValue(exchange::toJson(countsOf<core::TransferSummary>(pending->fileName, *report)));
        },
        [this, importId](const Arguments &, const QJsonValue &) {
            m_pendingImports.remove(importId);
            Q_EMIT tasksChanged(change_events::reset(u"tasks"_s));
            Q_EMIT projectsChanged(change_events::reset(u"projects"_s));
        });
}

QJsonDocument TransferBridge::transfer_discard_import(const QJsonValue &args)
{
    return dispatchLocal(
        u"transfer_discard_import", args, [this](const Arguments &arguments) -> core::Result<QJsonValue> {
            m_pendingImports.remove(arguments.string(kImportId));
            return QJsonValue(QJsonValue::Null);
        });
}

} // namespace quire::app

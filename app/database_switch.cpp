// SPDX-License-Identifier: MIT
#include "database_switch.h"

#include "database_thread.h"
#include "file_chooser.h"
#include "logging.h"

#include <quire/core/database.h>
#include <quire/exchange/record_json.h>

#include <QFileInfo>
#include <QMetaObject>
#include <QPointer>
#include <QPromise>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace quire::app {
namespace {

// A location without a password: a URL that holds one is refused before it opens.
const QString kLocationKey = u"database/location"_s;

} // namespace

DatabaseSwitch::DatabaseSwitch(QString location, FileChooser &chooser, SwitchTo switchTo, QObject *parent)
    : QObject(parent)
    , m_location(std::move(location))
    , m_chooser(chooser)
    , m_switchTo(std::move(switchTo))
{
}

DatabaseSwitch::~DatabaseSwitch() = default;

QJsonValue DatabaseSwitch::info() const
{
    return exchange::toJson(core::Database::describe(m_location));
}

QFuture<core::Result<QJsonValue>> DatabaseSwitch::open(const QString &location, const QString &password)
{
    // Shared: the continuation below hands it on, and a copyable function cannot hold a unique_ptr.
    auto candidate
        = std::make_shared<std::unique_ptr<DatabaseThread>>(std::make_unique<DatabaseThread>(location, password));
    // A job answers with the open's error when the open failed, after the open either way.
    const auto noJob = [](Storage &, core::Operation &) -> core::Result<QJsonValue> { return QJsonValue(); };
    return (*candidate)
        ->run(noJob, JobKind::Read)
        .then(this, [this, candidate, location](const core::Result<QJsonValue> &opened) -> core::Result<QJsonValue> {
            if (!opened) {
                candidate->reset();
                return std::unexpected(opened.error());
            }
            m_location = location;
            if (location == core::Database::defaultPath())
                QSettings().remove(kLocationKey); // wherever the default is then
            else
                QSettings().setValue(kLocationKey, location);
            const core::DatabaseInfo now = core::Database::describe(location);
            qCInfo(lcDatabase).noquote() << "opened" << now.location;
            // Queued, not from within this continuation: the switch destroys the bridge waiting for
            // this result. Its reply may not reach the page, which loads again on the new database.
            QMetaObject::invokeMethod(
                this, [this, candidate] { m_switchTo(std::move(*candidate)); }, Qt::QueuedConnection);
            return exchange::toJson(now);
        });
}

QFuture<core::Result<QJsonValue>> DatabaseSwitch::chooseFileAndOpen()
{
    auto promise = std::make_shared<QPromise<core::Result<QJsonValue>>>();
    promise->start();
    const QString start = core::Database::isServerUrl(m_location) ? QString() : QFileInfo(m_location).absolutePath();
    m_chooser.chooseFileToOpen(start, u"Quire databases (*.db *.sqlite *.sqlite3);;All files (*)"_s,
        [self = QPointer(this), promise](const std::optional<QString> &path) {
            const auto answer = [promise](const core::Result<QJsonValue> &result) {
                promise->addResult(result);
                promise->finish();
            };
            if (!self)
                answer(std::unexpected(closingError()));
            else if (!path)
                answer(QJsonValue(QJsonValue::Null));
            else
                self->open(*path, QString()).then(QtFuture::Launch::Sync, answer);
        });
    return promise->future();
}

QString DatabaseSwitch::startLocation(const std::optional<QString> &given)
{
    if (given)
        return *given;
    const QString remembered = QSettings().value(kLocationKey).toString();
    return remembered.isEmpty() ? core::Database::defaultPath() : remembered;
}

} // namespace quire::app

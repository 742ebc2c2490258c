// SPDX-License-Identifier: MIT
// libFuzzer target: argument decoding and command dispatch, entered the way the page enters them.
//
// Each input is one call: byte 0 picks the command (or, for values past the table, an unknown method
// name taken from the input), the rest is the JSON text of its one argument (text that does not parse
// becomes a string argument; with bit 7 of byte 0 set, the raw bytes are also read as UTF-16 so lone
// surrogates and NULs reach the decoder). The call goes over a real QWebChannel to the real bridges,
// backed by a real SQLite database in memory. The target aborts when a reply breaks the contract:
// every call to a known command gets an envelope; an error envelope has a known code other than
// "internal" and a "Failed to <action>: " message; an unknown method gets no envelope; and text
// comes back exactly as it was stored: a task that a create or update returned is read back
// (db_get_task) with the same title, description, tags and checklist, character for character.
#include <app_bridge.h>
#include <bridge_registry.h>
#include <command_specs.h>
#include <database_switch.h>
#include <database_thread.h>
#include <file_chooser.h>
#include <history_bridge.h>
#include <project_bridge.h>
#include <task_bridge.h>
#include <transfer_bridge.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QWebChannel>
#include <QWebChannelAbstractTransport>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

using namespace quire;

constexpr int kInvokeMethod = 6;
constexpr int kResponse = 10;

/** @brief The page's end of the channel: raw protocol messages in, responses collected. */
class Page final : public QWebChannelAbstractTransport
{
public:
    void sendMessage(const QJsonObject &message) override
    {
        if (message.value(u"type"_s).toInt() != kResponse)
            return;
        QJsonValue data = message.value(u"data"_s);
        // List commands reply with the envelope as JSON text, which the page JSON.parse()s.
        if (data.isString()) {
            const QJsonDocument parsed = QJsonDocument::fromJson(data.toString().toUtf8());
            if (parsed.isObject())
                data = parsed.object();
        }
        m_replies.insert(message.value(u"id"_s).toInt(), data);
    }

    void deliver(const QJsonObject &message) { Q_EMIT messageReceived(message, this); }

    std::optional<QJsonValue> take(int id)
    {
        return m_replies.contains(id) ? std::optional(m_replies.take(id)) : std::nullopt;
    }

private:
    QHash<int, QJsonValue> m_replies;
};

/** @brief The bridges on a channel over an in-memory database; rebuilt now and then to bound its size. */
struct World {
    app::DatabaseThread database {u":memory:"_s};
    app::TaskBridge tasks {database};
    app::ProjectBridge projects {database};
    app::HistoryBridge history {database};
    app::PlannedFileChooser files; // none planned: every file dialog answers "closed"
    app::DatabaseSwitch databases {u":memory:"_s, files, [](std::unique_ptr<app::DatabaseThread>) {}};
    app::AppBridge appBridge {database, &databases};
    app::TransferBridge transfer {database, files};
    QWebChannel channel;
    Page page;

    World()
    {
        app::registerBridges(channel, tasks, projects, history, appBridge, transfer);
        channel.connectTo(&page);
    }
};

[[noreturn]] void violation(const char *what, const QString &command, const QJsonValue &reply)
{
    std::fprintf(stderr, "contract violation: %s\ncommand: %s\nreply: %s\n", what, qUtf8Printable(command),
        QJsonDocument(QJsonArray {reply}).toJson(QJsonDocument::Compact).constData());
    std::abort();
}

void checkEnvelope(const app::CommandSpec &spec, const QJsonValue &reply)
{
    const QJsonObject envelope = reply.toObject();
    if (!reply.isObject() || !envelope.value(u"ok"_s).isBool())
        violation("the reply is not an envelope", spec.name, reply);
    if (envelope.value(u"ok"_s).toBool()) {
        if (!envelope.contains(u"data"_s))
            violation("a success without data", spec.name, reply);
        return;
    }
    const QJsonObject error = envelope.value(u"error"_s).toObject();
    const QString code = error.value(u"code"_s).toString();
    if (code != u"invalid_argument" && code != u"not_found" && code != u"conflict")
        violation("an error that is not invalid_argument, not_found or conflict", spec.name, reply);
    if (!error.value(u"message"_s).toString().startsWith(u"Failed to "_s + spec.action + u": "_s))
        violation("an error message that does not say what failed", spec.name, reply);
}

World *g_world = nullptr;
int g_calls = 0;
int g_nextId = 1;

/** @brief Sends one invokeMethod as the page does; its reply, waiting up to `waitMs` (0: only one already there). */
std::optional<QJsonValue> call(const QString &object, const QString &method, const QJsonValue &argument, int waitMs)
{
    const int id = g_nextId++;
    g_world->page.deliver(QJsonObject {{u"type"_s, kInvokeMethod}, {u"object"_s, object}, {u"method"_s, method},
        {u"args"_s, QJsonArray {argument}}, {u"id"_s, id}});
    const QDeadlineTimer deadline(waitMs);
    std::optional<QJsonValue> reply = g_world->page.take(id);
    while (!reply && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        reply = g_world->page.take(id);
    }
    return reply;
}

/** @brief The task a successful create or update returned is what the database gives back. */
void checkReadBack(const QString &command, const QJsonObject &written)
{
    const std::optional<QJsonValue> read
        = call(u"tasks"_s, u"db_get_task"_s, QJsonObject {{u"taskId"_s, written.value(u"id"_s)}}, 10'000);
    if (!read || !read->toObject().value(u"ok"_s).toBool())
        violation("a task just written cannot be read back", command, read.value_or(QJsonValue()));
    const QJsonObject task = read->toObject().value(u"data"_s).toObject();
    for (const QString &key : {u"title"_s, u"description"_s, u"tags"_s, u"checklist"_s}) {
        if (task.value(key) != written.value(key))
            violation("a task read back differs from the one written", command,
                QJsonArray {key, written.value(key), task.value(key)});
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication application(*argc, *argv);
    // QWebChannel warns about every unknown method; millions of lines would drown the fuzzer's output.
    QLoggingCategory::setFilterRules(u"*.warning=false\n*.critical=true"_s);
    qSetMessagePattern(u"%{message}"_s);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    if (!g_world || ++g_calls % 2000 == 0) {
        delete g_world;
        g_world = new World;
        // At exit the world goes before the Qt and QSqlDatabase statics it uses, which already
        // exist once its database has opened (atexit runs in reverse order of registration,
        // static destructors included). Its destructor waits for a job still running on the
        // database thread: a call to a name outside the command table is not waited for here,
        // and such a job running while exit() tore Qt down crashed the smoke test once.
        static const bool destroyedAtExit = [] {
            g_world->database
                .run([](app::Storage &, core::Operation &) -> core::Result<QJsonValue> { return QJsonValue(); })
                .waitForFinished();
            return std::atexit([] { delete std::exchange(g_world, nullptr); }) == 0;
        }();
        (void)destroyedAtExit;
    }

    const QList<app::CommandSpec> &specs = app::commandSpecs();
    const std::uint8_t selector = data[0];
    const QByteArray body(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));

    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    QJsonValue argument;
    if (parseError.error == QJsonParseError::NoError)
        argument = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    else if (selector & 0x80)
        argument
            = QJsonObject {{u"title"_s, QString(reinterpret_cast<const QChar *>(body.constData()), body.size() / 2)},
                {u"taskId"_s, QString::fromUtf8(body)}};
    else
        argument = QString::fromUtf8(body);

    const std::size_t index = selector & 0x7f;
    const app::CommandSpec *spec
        = index < static_cast<std::size_t>(specs.size()) ? &specs.at(static_cast<qsizetype>(index)) : nullptr;
    // Opening a server or the default file reaches for the network and the user's files: left
    // out (its arguments go through the same decoder as every other command's).
    if (spec && spec->name == u"app_open_database")
        return 0;
    const QString object
        = spec ? spec->object : QStringList {u"tasks"_s, u"projects"_s, u"app"_s}.at(static_cast<qsizetype>(index % 3));
    const QString method = spec ? spec->name : QString::fromUtf8(body.left(24));

    // Known commands always answer (database ones after a hop to the database thread).
    const std::optional<QJsonValue> reply = call(object, method, argument, spec ? 10'000 : 0);
    if (spec) {
        if (!reply)
            violation("no reply within 10 s", spec->name, QJsonValue());
        checkEnvelope(*spec, *reply);
        const QJsonObject envelope = reply->toObject();
        if ((spec->name == u"db_create_task" || spec->name == u"db_update_task") && envelope.value(u"ok"_s).toBool())
            checkReadBack(spec->name, envelope.value(u"data"_s).toObject());
    } else if (reply && reply->isObject() && reply->toObject().contains(u"ok"_s)) {
        // An unknown name may coincide with a real one (the fuzzer can spell "ping"); only a real one may answer.
        bool known = false;
        for (const app::CommandSpec &candidate : specs)
            known = known || (candidate.name == method && candidate.object == object);
        if (!known)
            violation("an unknown method answered with an envelope", method, *reply);
    }
    return 0;
}

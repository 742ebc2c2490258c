// SPDX-License-Identifier: MIT
#include "quire_application.h"

#include "app_bridge.h"
#include "app_scheme_handler.h"
#include "bridge_registry.h"
#include "command_line_transfer.h"
#include "database_switch.h"
#include "database_thread.h"
#include "dialog_file_chooser.h"
#include "external_link_opener.h"
#include "file_chooser.h"
#include "history_bridge.h"
#include "main_window.h"
#include "options.h"
#include "project_bridge.h"
#include "task_bridge.h"
#include "termination_signals.h"
#include "transfer_bridge.h"
#include "web_page.h"
#ifdef QUIRE_WITH_TEST_HOOKS
#include "test_hook_bridge.h"
#endif

#include <QApplication>
#include <QIcon>
#include <QWebChannel>
#include <QWebEngineProfile>
#include <QWebEngineView>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace quire::app {

namespace {

/**
 * @brief The part of a session that belongs to one database: its thread, the bridges over it, and
 * the channel that carries them to the page. Opening another database replaces all of it.
 */
class DatabaseBridges final
{
public:
    DatabaseBridges(std::unique_ptr<DatabaseThread> database, FileChooser &fileChooser, DatabaseSwitch &databases);
    ~DatabaseBridges();

    DatabaseBridges(const DatabaseBridges &) = delete;
    DatabaseBridges &operator=(const DatabaseBridges &) = delete;

    [[nodiscard]] QWebChannel *channel() const { return m_channel.get(); }
    [[nodiscard]] AppBridge &app() const { return *m_app; }

private:
    std::unique_ptr<DatabaseThread> m_database;
    std::unique_ptr<TaskBridge> m_tasks;
    std::unique_ptr<ProjectBridge> m_projects;
    std::unique_ptr<HistoryBridge> m_history;
    std::unique_ptr<AppBridge> m_app;
    std::unique_ptr<TransferBridge> m_transfer;
#ifdef QUIRE_WITH_TEST_HOOKS
    std::unique_ptr<TestHookBridge> m_testHooks;
#endif
    std::unique_ptr<QWebChannel> m_channel;
};

DatabaseBridges::DatabaseBridges(
    std::unique_ptr<DatabaseThread> database, FileChooser &fileChooser, DatabaseSwitch &databases)
    : m_database(std::move(database))
    , m_tasks(std::make_unique<TaskBridge>(*m_database))
    , m_projects(std::make_unique<ProjectBridge>(*m_database))
    , m_history(std::make_unique<HistoryBridge>(*m_database))
    , m_app(std::make_unique<AppBridge>(*m_database, &databases))
    , m_transfer(std::make_unique<TransferBridge>(*m_database, fileChooser))
    , m_channel(std::make_unique<QWebChannel>())
{
    registerBridges(*m_channel, *m_tasks, *m_projects, *m_history, *m_app, *m_transfer);
    // The bridges outlive the database thread's connection: the destructor shuts it down first.
    forwardOtherClientChanges(*m_database, *m_tasks, *m_projects);
#ifdef QUIRE_WITH_TEST_HOOKS
    // Compiled in only with -DQUIRE_TEST_HOOKS=ON (dev and asan presets); a release build has no
    // hook code, so the environment variable cannot switch anything on there.
    m_testHooks = std::make_unique<TestHookBridge>(*m_database, dynamic_cast<PlannedFileChooser *>(&fileChooser));
    if (TestHookBridge::enabledByEnvironment())
        registerTestHooks(*m_channel, *m_testHooks);
#endif
}

DatabaseBridges::~DatabaseBridges()
{
    // 1. The database finishes what it is doing while the bridges still exist: the running
    //    command completes, queued writes run, queued reads are answered without running, and the
    //    connection closes on its thread (checkpointing the WAL). After this no database thread
    //    is left to call back into a bridge.
    m_database->shutdown();
    // 2. The channel and the bridges, any order now; destroying a bridge answers what it still owes.
    m_channel.reset();
#ifdef QUIRE_WITH_TEST_HOOKS
    m_testHooks.reset();
#endif
    m_transfer.reset();
    m_app.reset();
    m_history.reset();
    m_projects.reset();
    m_tasks.reset();
    m_database.reset();
}

/**
 * @brief Everything one run of Quire wires together: the window and its page, which stay, and the
 * bridges to the database they show, which File ▸ Open database… replaces. The teardown order is
 * written out in close(), so that no member order has to be right for shutdown to be safe.
 */
class Session final
{
public:
    explicit Session(const QString &databaseLocation);
    ~Session() { close(); }

    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    /** @brief Shows the window, runs the event loop, closes everything; returns the exit code. */
    int run();

private:
    /** The page loads again on `database`, the bridges of the one before closed. */
    void switchTo(std::unique_ptr<DatabaseThread> database);
    void close();

    std::unique_ptr<FileChooser> m_fileChooser;
    std::unique_ptr<DatabaseSwitch> m_databases;
    std::unique_ptr<DatabaseBridges> m_bridges;
    std::unique_ptr<AppSchemeHandler> m_schemeHandler;
    std::unique_ptr<QWebEngineProfile> m_profile;
    std::unique_ptr<ExternalLinkOpener> m_externalLinks;
    std::unique_ptr<WebPage> m_page;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TerminationSignals> m_termination;
};

/**
 * The system's file dialogs; in a test-hook build run by the end-to-end tests, the paths they plan
 * (a native dialog cannot be clicked from the page).
 */
std::unique_ptr<FileChooser> chooseFilesHow(std::function<QWidget *()> parent)
{
#ifdef QUIRE_WITH_TEST_HOOKS
    if (TestHookBridge::enabledByEnvironment())
        return std::make_unique<PlannedFileChooser>();
#endif
    return std::make_unique<DialogFileChooser>(std::move(parent));
}

/** The profile every page of the session uses: locked down, serving the app's scheme, before any page exists. */
std::unique_ptr<QWebEngineProfile> lockedDownProfile(AppSchemeHandler &schemeHandler)
{
    auto profile = std::make_unique<QWebEngineProfile>();
    applySecureSettings(*profile);
    profile->installUrlSchemeHandler(AppSchemeHandler::scheme, &schemeHandler);
    return profile;
}

Session::Session(const QString &databaseLocation)
    : m_fileChooser(chooseFilesHow([this] { return static_cast<QWidget *>(m_window.get()); }))
    , m_databases(std::make_unique<DatabaseSwitch>(databaseLocation, *m_fileChooser,
          [this](std::unique_ptr<DatabaseThread> database) { switchTo(std::move(database)); }))
    , m_bridges(std::make_unique<DatabaseBridges>(
          std::make_unique<DatabaseThread>(databaseLocation), *m_fileChooser, *m_databases))
    , m_schemeHandler(std::make_unique<AppSchemeHandler>())
    , m_profile(lockedDownProfile(*m_schemeHandler))
    , m_externalLinks(std::make_unique<ExternalLinkOpener>())
    , m_page(std::make_unique<WebPage>(m_profile.get(), *m_externalLinks))
    , m_window(std::make_unique<MainWindow>(m_page.get()))
{
    m_page->setAppChannel(m_bridges->channel());
    m_externalLinks->watchInput(m_window->view());
    QObject::connect(m_window.get(), &MainWindow::actionChosen, m_window.get(),
        [this](const QString &action) { m_bridges->app().requestAction(action); });
    // A dropped file goes through the page's own import (preview, then import), without a dialog.
    QObject::connect(m_window.get(), &MainWindow::fileDropped, m_window.get(), [this](const QString &path) {
        m_fileChooser->offerFileToOpen(path);
        m_bridges->app().requestAction(u"transfer.import-file"_s);
    });
    m_termination = std::make_unique<TerminationSignals>();
    QObject::connect(
        m_termination.get(), &TerminationSignals::terminationRequested, m_window.get(), &MainWindow::close);
}

int Session::run()
{
    m_page->load(AppSchemeHandler::entryUrl());
    m_window->show();
    const int status = QApplication::exec();
    close();
    return status;
}

void Session::switchTo(std::unique_ptr<DatabaseThread> database)
{
    if (!m_page)
        return; // closing
    // The page loses the channel first, so that it sends nothing more to the bridges that go.
    m_page->setAppChannel(nullptr);
    m_bridges = std::make_unique<DatabaseBridges>(std::move(database), *m_fileChooser, *m_databases);
    m_page->setAppChannel(m_bridges->channel());
    m_page->load(AppSchemeHandler::entryUrl());
}

void Session::close()
{
    // 1. Nothing new comes in: no signal handler, no window, and the page (which must go before
    //    its profile) loses the channel first, so it cannot send another call.
    m_termination.reset();
    m_window.reset();
    if (m_page)
        m_page->setAppChannel(nullptr);
    m_page.reset();
    m_externalLinks.reset();
    m_profile.reset();
    m_schemeHandler.reset();
    // 2. The bridges and their database (see ~DatabaseBridges), then what opens another one.
    m_bridges.reset();
    m_databases.reset();
    m_fileChooser.reset();
}

} // namespace

int runQuire(int argc, char *argv[])
{
    if (isHeadless(argc, argv)) {
        // Scripts and backups: no window, no display needed.
        QCoreApplication::setOrganizationName(u"Quire"_s);
        QCoreApplication::setApplicationName(u"Quire"_s);
        QCoreApplication::setApplicationVersion(QStringLiteral(QUIRE_VERSION));
        const QCoreApplication application(argc, argv);
        const auto options = parseOptions(QCoreApplication::arguments());
        if (!options) {
            std::fprintf(stderr, "quire: %s\nTry 'quire --help'.\n", qUtf8Printable(options.error().message));
            return 2;
        }
        if (options->mode == RunMode::Window) { // "export" was an option's value, not the command
            std::fprintf(stderr, "quire: give 'export FILE' or 'import FILE' after the options\n");
            return 2;
        }
        return runTransferCommand(*options);
    }
    AppSchemeHandler::registerScheme();
    // QtWebEngine shares GL contexts with the widgets; this must be set before QApplication exists.
    QApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication::setOrganizationName(u"Quire"_s);
    QApplication::setApplicationName(u"Quire"_s);
    QApplication::setApplicationVersion(QStringLiteral(QUIRE_VERSION));
    QApplication::setDesktopFileName(u"io.github.quire.Quire"_s);
    QApplication application(argc, argv);
    QApplication::setWindowIcon(QIcon(u":/icons/quire.svg"_s));

    const auto options = parseOptions(QApplication::arguments());
    if (!options) {
        std::fprintf(stderr, "quire: %s\nTry 'quire --help'.\n", qUtf8Printable(options.error().message));
        return 2;
    }

    Session session(options->databasePath);
    return session.run();
}

} // namespace quire::app

// SPDX-License-Identifier: MIT
#include "quire_application.h"

#include "app_bridge.h"
#include "app_scheme_handler.h"
#include "bridge_registry.h"
#include "database_thread.h"
#include "history_bridge.h"
#include "main_window.h"
#include "options.h"
#include "project_bridge.h"
#include "task_bridge.h"
#include "termination_signals.h"
#include "web_page.h"
#ifdef QUIRE_WITH_TEST_HOOKS
#include "test_hook_bridge.h"
#endif

#include <QApplication>
#include <QIcon>
#include <QWebChannel>
#include <QWebEngineProfile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace quire::app {

int runQuire(int argc, char *argv[])
{
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

    DatabaseThread database(options->databasePath);
    TaskBridge tasks(database);
    ProjectBridge projects(database);
    AppBridge app;
    HistoryBridge history(database);

    // Declaration order is destruction order reversed: the page must go before its channel and profile.
    QWebEngineProfile profile;
    applySecureSettings(profile);
    AppSchemeHandler schemeHandler;
    profile.installUrlSchemeHandler(AppSchemeHandler::scheme, &schemeHandler);
    QWebChannel channel;
    registerBridges(channel, tasks, projects, history, app);
#ifdef QUIRE_WITH_TEST_HOOKS
    // Compiled in only with -DQUIRE_TEST_HOOKS=ON (dev and asan presets); a release build has no
    // hook code, so the environment variable cannot switch anything on there.
    TestHookBridge testHooks(database);
    if (TestHookBridge::enabledByEnvironment())
        registerTestHooks(channel, testHooks);
#endif
    WebPage page(&profile);
    page.setWebChannel(&channel);

    MainWindow window(&page);
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::terminationRequested, &window, &MainWindow::close);
    page.load(AppSchemeHandler::entryUrl());
    window.show();
    return QApplication::exec();
}

} // namespace quire::app

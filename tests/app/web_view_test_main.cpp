// SPDX-License-Identifier: MIT
// main() of the tests that need a QApplication with QtWebEngine: the app's URL scheme and shared
// GL contexts must be set up before the QApplication exists, as in quire_application.cpp.

#include <app_scheme_handler.h>

#include <QApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

#include <unistd.h>

int main(int argc, char **argv)
{
    QStandardPaths::setTestModeEnabled(true);
    // Headless unless told otherwise: ctest lists the tests (gtest_discover_tests) without the
    // test's environment, and a QApplication needs a platform even for that.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Chromium's sandbox refuses to run as root (containers, CI); the e2e tests do the same.
    if (::getuid() == 0)
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    quire::app::AppSchemeHandler::registerScheme();
    QApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication application(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

// SPDX-License-Identifier: MIT
// The default main() of every Quire gtest executable: a QCoreApplication, then all tests.
// It lives alone in this file so that a test target defining its own main() (for instance one
// that needs a QApplication) simply does not pull this object out of the static library.

#include <QCoreApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    // Keep QStandardPaths away from the user's real folders.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

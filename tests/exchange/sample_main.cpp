// SPDX-License-Identifier: MIT
// quire_exchange_sample PATH: writes the every-field fixture as iCalendar, for icaljs-check.mjs.
#include "fixtures.h"

#include <quire/exchange/icalendar.h>

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 2) {
        std::fputs("usage: quire_exchange_sample FILE.ics\n", stderr);
        return 2;
    }
    quire::core::UnwatchedOperation operation;
    const auto bytes = quire::exchange::writeICalendar(quire::exchange_test::everyFieldSnapshot(), operation);
    QFile file(arguments.at(1));
    if (!bytes || !file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size()) {
        std::fputs("could not write the sample\n", stderr);
        return 1;
    }
    return 0;
}

// SPDX-License-Identifier: MIT
#include "connection_names.h"

#include <QUuid>

#include <atomic>

using namespace Qt::StringLiterals;

namespace quire::test {

QString uniqueConnectionName(const QString &prefix)
{
    static std::atomic<quint64> counter {0};
    return prefix % u"-"_s % QString::number(++counter) % u"-"_s % QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace quire::test

// SPDX-License-Identifier: MIT
#pragma once

// gtest printers, so failures show readable values instead of byte dumps. Found by ADL.

#include <quire/core/checklist_item.h>
#include <quire/core/error.h>

#include <QString>
#include <QStringList>

#include <ostream>

QT_BEGIN_NAMESPACE
void PrintTo(const QString &value, std::ostream *os);
void PrintTo(const QStringList &value, std::ostream *os);
QT_END_NAMESPACE

namespace quire::core {
void PrintTo(ErrorCode code, std::ostream *os);
void PrintTo(const Error &error, std::ostream *os);
/** @brief {"title", done}. */
void PrintTo(const ChecklistItem &item, std::ostream *os);
} // namespace quire::core

namespace quire::test {
/** @brief "storage: cannot open database at ...: file is not a database". */
[[nodiscard]] std::string describe(const quire::core::Error &error);
} // namespace quire::test

// SPDX-License-Identifier: MIT
#include "printers.h"

QT_BEGIN_NAMESPACE
void PrintTo(const QString &value, std::ostream *os)
{
    *os << '"' << value.toStdString() << '"';
}

void PrintTo(const QStringList &value, std::ostream *os)
{
    *os << '[';
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (i > 0)
            *os << ", ";
        PrintTo(value.at(i), os);
    }
    *os << ']';
}
QT_END_NAMESPACE

namespace quire::core {

void PrintTo(ErrorCode code, std::ostream *os)
{
    *os << errorCodeName(code).toStdString();
}

void PrintTo(const Error &error, std::ostream *os)
{
    *os << quire::test::describe(error);
}

void PrintTo(const ChecklistItem &item, std::ostream *os)
{
    *os << "{\"" << item.title.toStdString() << "\", " << (item.done ? "done" : "not done") << '}';
}

} // namespace quire::core

namespace quire::test {

std::string describe(const quire::core::Error &error)
{
    const QString text = quire::core::errorCodeName(error.code) + QStringLiteral(": ") + error.message;
    return text.toStdString();
}

} // namespace quire::test

// SPDX-License-Identifier: MIT
#pragma once
// RFC 4180 text: rows of fields, quoted where a field holds a delimiter, a quote or a line break.

#include <quire/core/error.h>

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace quire::exchange {

/** @brief One record of a CSV text and the line it starts on (counted from 1, quoted line breaks included). */
struct CsvRow {
    qsizetype line = 0;
    QStringList fields;
};

/** @brief Appends `fields` as one record, quoted as RFC 4180 says, ending in CRLF. */
void appendCsvRow(QString &out, const QStringList &fields);

/**
 * @brief The records of `text`. Lines end in CRLF, LF or CR; blank lines are skipped. The
 * delimiter is the comma, or the semicolon or tab when the first line has more of those (as
 * spreadsheets in some locales save). A quote inside an unquoted field is kept as it is; text
 * after a closing quote, or a quoted field never closed, is InvalidArgument naming the line.
 */
[[nodiscard]] core::Result<QList<CsvRow>> parseCsv(QStringView text);

} // namespace quire::exchange

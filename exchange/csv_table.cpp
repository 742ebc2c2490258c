// SPDX-License-Identifier: MIT
#include "csv_table.h"

using namespace Qt::StringLiterals;

namespace quire::exchange {
namespace {

bool needsQuotes(QStringView field)
{
    for (const QChar c : field) {
        if (c == u',' || c == u'"' || c == u'\n' || c == u'\r' || c == u';' || c == u'\t')
            return true;
    }
    // Spreadsheets trim unquoted edges.
    return !field.isEmpty() && (field.front().isSpace() || field.back().isSpace());
}

/** The delimiter of the first line outside quotes: comma unless semicolons or tabs outnumber commas. */
QChar guessDelimiter(QStringView text)
{
    qsizetype commas = 0;
    qsizetype semicolons = 0;
    qsizetype tabs = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && (c == u'\n' || c == u'\r'))
            break;
        else if (!quoted && c == u',')
            ++commas;
        else if (!quoted && c == u';')
            ++semicolons;
        else if (!quoted && c == u'\t')
            ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs)
        return u';';
    if (tabs > commas)
        return u'\t';
    return u',';
}

/** Reads records one character at a time, as RFC 4180's grammar describes. */
class CsvReader
{
public:
    CsvReader(QStringView text, QChar delimiter)
        : m_text(text)
        , m_delimiter(delimiter)
    {
    }

    core::Result<QList<CsvRow>> rows()
    {
        while (m_pos < m_text.size()) {
            if (auto ended = readRecord(); !ended)
                return std::unexpected(std::move(ended.error()));
        }
        return std::move(m_rows);
    }

private:
    core::Error errorAt(qsizetype line, const QString &reason) const
    {
        return {core::ErrorCode::InvalidArgument, u"line %1: "_s.arg(line) + reason};
    }

    /** Consumes a line break at m_pos (CRLF, LF or CR), counting it; false when there is none. */
    bool consumeLineBreak()
    {
        if (m_pos >= m_text.size())
            return false;
        if (m_text[m_pos] == u'\r') {
            ++m_pos;
            if (m_pos < m_text.size() && m_text[m_pos] == u'\n')
                ++m_pos;
        } else if (m_text[m_pos] == u'\n') {
            ++m_pos;
        } else {
            return false;
        }
        ++m_line;
        return true;
    }

    core::Result<void> readRecord()
    {
        CsvRow row {m_line, {}};
        for (;;) {
            auto field = m_pos < m_text.size() && m_text[m_pos] == u'"' ? readQuoted() : readUnquoted();
            if (!field)
                return std::unexpected(std::move(field.error()));
            row.fields.append(std::move(*field));
            if (m_pos < m_text.size() && m_text[m_pos] == m_delimiter) {
                ++m_pos;
                continue;
            }
            consumeLineBreak();
            break;
        }
        const bool blank = row.fields.size() == 1 && row.fields.front().isEmpty();
        if (!blank)
            m_rows.append(std::move(row));
        return {};
    }

    core::Result<QString> readUnquoted()
    {
        const qsizetype start = m_pos;
        while (
            m_pos < m_text.size() && m_text[m_pos] != m_delimiter && m_text[m_pos] != u'\n' && m_text[m_pos] != u'\r')
            ++m_pos;
        return m_text.sliced(start, m_pos - start).toString();
    }

    core::Result<QString> readQuoted()
    {
        const qsizetype openedOn = m_line;
        ++m_pos; // the opening quote
        QString field;
        while (m_pos < m_text.size()) {
            const QChar c = m_text[m_pos];
            if (c == u'"') {
                if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == u'"') {
                    field.append(u'"');
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                return afterClosingQuote(std::move(field));
            }
            if (c == u'\r' || c == u'\n') {
                const qsizetype before = m_pos;
                consumeLineBreak();
                field.append(m_text.sliced(before, m_pos - before));
                continue;
            }
            field.append(c);
            ++m_pos;
        }
        return std::unexpected(errorAt(openedOn, u"a quoted field is never closed (a \" is missing)"_s));
    }

    core::Result<QString> afterClosingQuote(QString field)
    {
        if (m_pos < m_text.size() && m_text[m_pos] != m_delimiter && m_text[m_pos] != u'\n' && m_text[m_pos] != u'\r')
            return std::unexpected(
                errorAt(m_line, u"text after a closing quote (a quote inside a quoted field is written \"\")"_s));
        return field;
    }

    QStringView m_text;
    QChar m_delimiter;
    qsizetype m_pos = 0;
    qsizetype m_line = 1;
    QList<CsvRow> m_rows;
};

} // namespace

void appendCsvRow(QString &out, const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out.append(u',');
        const QString &field = fields.at(i);
        if (needsQuotes(field)) {
            out.append(u'"');
            out.append(QString(field).replace(u'"', u"\"\""_s));
            out.append(u'"');
        } else {
            out.append(field);
        }
    }
    out.append(u"\r\n");
}

core::Result<QList<CsvRow>> parseCsv(QStringView text)
{
    return CsvReader(text, guessDelimiter(text)).rows();
}

} // namespace quire::exchange

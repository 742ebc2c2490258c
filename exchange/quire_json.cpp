// SPDX-License-Identifier: MIT
#include <quire/exchange/quire_json.h>

#include <quire/core/operation_phase.h>
#include <quire/exchange/json_text.h>
#include <quire/exchange/record_json.h>

#include "write_all.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace quire::exchange {
namespace {

core::Error invalidFile(const QString &reason)
{
    return {core::ErrorCode::InvalidArgument, reason};
}

/** Once the buffer holds this much, it goes to the device: big writes, little memory. */
constexpr qsizetype kFlushBytes = qsizetype {1} << 20;

/** Checks the header: a Quire file, of a version this build reads. */
core::Result<void> checkHeader(const QJsonObject &root)
{
    if (root.value(u"format"_s) != QJsonValue(u"quire"_s))
        return std::unexpected(invalidFile(u"not a Quire export: \"format\" is not \"quire\""_s));
    const QJsonValue version = root.value(u"version"_s);
    const double number = version.toDouble(-1);
    if (!version.isDouble() || number < 1 || number != static_cast<double>(static_cast<qint64>(number)))
        return std::unexpected(invalidFile(u"\"version\" must be a whole number from 1"_s));
    if (number > quireJsonVersion)
        return std::unexpected(invalidFile(
            u"this file was written by a newer Quire (format version %1; this one reads up to %2): update Quire to import it"_s
                .arg(static_cast<qint64>(number))
                .arg(quireJsonVersion)));
    return {};
}

/** The array under `key` (an absent one is empty: a file may hold no projects). */
core::Result<QJsonArray> recordArray(const QJsonObject &root, const QString &key)
{
    const QJsonValue value = root.value(key);
    if (value.isUndefined())
        return QJsonArray();
    if (!value.isArray())
        return std::unexpected(invalidFile(u"\"%1\" must be an array"_s.arg(key)));
    return value.toArray();
}

/** Each element of `array` decoded by `decode`; an error names the record ("task 12: ..."). */
template<class Record>
core::Result<QList<Record>> recordsFromJson(const QJsonArray &array, QStringView what,
    core::Result<Record> (*decode)(const QJsonObject &), core::OperationPhase &phase)
{
    QList<Record> records;
    records.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (auto step = phase.advance(); !step)
            return std::unexpected(std::move(step.error()));
        const QString name = what + u' ' + QString::number(i + 1);
        const QJsonValue value = array.at(i);
        if (!value.isObject())
            return std::unexpected(invalidFile(name + u": must be an object"_s));
        auto record = decode(value.toObject());
        if (!record)
            return std::unexpected(invalidFile(name + u": "_s + record.error().message));
        records.append(std::move(*record));
    }
    return records;
}

} // namespace

QuireJsonWriter::QuireJsonWriter(QIODevice &device)
    : m_device(device)
{
    m_buffer.reserve(kFlushBytes + qsizetype {64} * 1024);
}

core::Result<> QuireJsonWriter::addProjects(const QList<core::Project> &projects, qint64 /*taskCount*/)
{
    m_buffer += "{\n  \"format\": \"quire\",\n  \"version\": " + QByteArray::number(quireJsonVersion)
        + ",\n  \"projects\": [";
    for (const core::Project &project : projects) {
        m_buffer += m_projects++ == 0 ? "\n    " : ",\n    ";
        appendJsonObject(m_buffer, project);
    }
    m_buffer += m_projects == 0 ? "],\n  \"tasks\": [" : "\n  ],\n  \"tasks\": [";
    return write();
}

core::Result<> QuireJsonWriter::addTask(core::Task &&task)
{
    m_buffer += m_tasks++ == 0 ? "\n    " : ",\n    ";
    appendJsonObject(m_buffer, task);
    return m_buffer.size() >= kFlushBytes ? write() : core::Result<> {};
}

core::Result<> QuireJsonWriter::finish()
{
    m_buffer += m_tasks == 0 ? "]\n}\n" : "\n  ]\n}\n";
    return write();
}

core::Result<> QuireJsonWriter::write()
{
    if (auto written = writeAll(m_device, m_buffer); !written)
        return written;
    m_buffer.truncate(0); // keeps the capacity, unlike clear()
    return {};
}

core::Result<QByteArray> writeQuireJson(const core::Snapshot &snapshot, core::Operation &operation)
{
    QByteArray bytes;
    QBuffer device(&bytes);
    device.open(QIODevice::WriteOnly);
    QuireJsonWriter writer(device);
    core::OperationPhase phase(operation, u"writing", snapshot.tasks.size());
    auto written = writer.addProjects(snapshot.projects, snapshot.tasks.size());
    for (qsizetype i = 0; written && i < snapshot.tasks.size(); ++i) {
        if (auto step = phase.advance(); !step)
            return std::unexpected(std::move(step.error()));
        written = writer.addTask(core::Task(snapshot.tasks.at(i)));
    }
    if (written)
        written = writer.finish();
    if (!written)
        return std::unexpected(std::move(written.error()));
    device.close();
    return bytes;
}

core::Result<ParsedFile> readQuireJson(QByteArrayView bytes, core::Operation &operation)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return std::unexpected(
            invalidFile(u"not JSON: %1 at byte %2"_s.arg(parseError.errorString()).arg(parseError.offset)));
    if (!document.isObject())
        return std::unexpected(invalidFile(u"not a Quire export: the file is not a JSON object"_s));
    const QJsonObject root = document.object();
    if (auto header = checkHeader(root); !header)
        return std::unexpected(std::move(header.error()));
    auto projectArray = recordArray(root, u"projects"_s);
    if (!projectArray)
        return std::unexpected(std::move(projectArray.error()));
    auto taskArray = recordArray(root, u"tasks"_s);
    if (!taskArray)
        return std::unexpected(std::move(taskArray.error()));

    core::OperationPhase phase(operation, u"reading", projectArray->size() + taskArray->size());
    ParsedFile parsed;
    auto projects = recordsFromJson<core::Project>(*projectArray, u"project", &projectFromJson, phase);
    if (!projects)
        return std::unexpected(std::move(projects.error()));
    auto tasks = recordsFromJson<core::Task>(*taskArray, u"task", &taskFromJson, phase);
    if (!tasks)
        return std::unexpected(std::move(tasks.error()));
    parsed.snapshot.projects = std::move(*projects);
    parsed.snapshot.tasks = std::move(*tasks);
    return parsed;
}

} // namespace quire::exchange

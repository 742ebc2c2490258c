// SPDX-License-Identifier: MIT
#pragma once

#include <quire/exchange/parsed_file.h>

#include <quire/core/data_transfer.h>
#include <quire/core/error.h>
#include <quire/core/operation.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QIODevice>

namespace quire::exchange {

/** @brief The version of the Quire JSON format this build writes, and the newest it reads. */
inline constexpr int quireJsonVersion = 1;

/**
 * @brief Writes a Quire JSON file (see writeQuireJson()) to `device` as an export hands its records
 * on (DataTransfer::exportTo()): it holds about a megabyte at a time, whatever the number of tasks.
 * finish() ends the file; nothing is written past the first error.
 */
class QuireJsonWriter final : public core::SnapshotSink
{
public:
    explicit QuireJsonWriter(QIODevice &device);

    [[nodiscard]] core::Result<> addProjects(const QList<core::Project> &projects, qint64 taskCount) override;
    [[nodiscard]] core::Result<> addTask(core::Task &&task) override;
    /** @brief Closes the task list and the file's object, and writes what is left. */
    [[nodiscard]] core::Result<> finish();

    [[nodiscard]] qint64 projectCount() const { return m_projects; }
    [[nodiscard]] qint64 taskCount() const { return m_tasks; }

private:
    [[nodiscard]] core::Result<> write();

    QIODevice &m_device;
    QByteArray m_buffer;
    qint64 m_projects = 0;
    qint64 m_tasks = 0;
};

/**
 * @brief Quire's own file: `{"format": "quire", "version": 1, "projects": [...], "tasks": [...]}`,
 * each record as the wire writes it (record_json.h), so nothing is lost: reading it back gives an
 * equal Snapshot.
 */
[[nodiscard]] core::Result<QByteArray> writeQuireJson(const core::Snapshot &snapshot, core::Operation &operation);

/**
 * @brief The inverse of writeQuireJson(). Errors name the record ("task 12: title: must be a
 * string", counted from 1 in file order); a file of a newer version is refused, saying so.
 */
[[nodiscard]] core::Result<ParsedFile> readQuireJson(QByteArrayView bytes, core::Operation &operation);

} // namespace quire::exchange

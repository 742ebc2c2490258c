// SPDX-License-Identifier: MIT
#pragma once

#include "command_table.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace quire::app {

/**
 * @brief Count is a whole number from 0 to kMaxCount (offsets and limits of a listing); LocalDate
 * is text that core::parseLocalDate() accepts, Timestamp text that core::parseTimestamp() accepts
 * (an RFC 3339 instant, as every updatedAt travels); RecordList is an array of objects of one record
 * type (a task's checklist), each element's keys checked as ArgSpec::fields say.
 */
enum class ArgType { String, StringList, Enum, Count, Boolean, LocalDate, Timestamp, RecordList };

/** @brief What a JSON null means for one key (the contract's "null" field). */
enum class NullMeaning {
    Absent, ///< treated as if the key were not given
    Clear, ///< clears a nullable field (updates)
    Reject, ///< invalid_argument
};

enum class CommandKind { List, Single };

struct ArgSpec {
    QString key; ///< camelCase; the snake_case spelling is accepted too
    ArgType type = ArgType::String;
    bool required = false;
    NullMeaning null = NullMeaning::Reject;
    QString typeName; ///< for ArgType::Enum the enum ("priority"), for RecordList the record ("ChecklistItem")
    QStringList enumValues; ///< for ArgType::Enum: the accepted spellings
    QList<ArgSpec> fields; ///< for ArgType::RecordList: the keys of each element
};

/** @brief One IPC command, as resources/ipc-contract.json describes it. */
struct CommandSpec {
    QString name; ///< the slot name and the JS command name, e.g. "db_create_task"
    QString object; ///< the channel object that owns it
    CommandKind kind = CommandKind::Single;
    QString action; ///< for messages: "Failed to <action>: <reason>"
    QString wire; ///< the form the result travels in ("TaskColumns"); empty when as itself
    bool cancellable = false; ///< takes a requestId that cancel_request can stop (DatabaseThread::cancel)
    bool reportsProgress = false; ///< reports progress events bound to its requestId
    bool writes = false; ///< changes the database (so no later call may run before it)
    QList<ArgSpec> args;
};

/** @brief The command table, generated from the contract into command_table.cpp. */
[[nodiscard]] QList<CommandSpec> buildCommandSpecs();

/** @brief Every command the bridge exposes. */
[[nodiscard]] const QList<CommandSpec> &commandSpecs();

/** @brief The spec of a known command; calling it with an unknown name is a programming error. */
[[nodiscard]] const CommandSpec &commandSpec(QStringView name);

} // namespace quire::app

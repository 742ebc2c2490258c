#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Turns resources/ipc-contract.json, the one hand-written description of Quire's IPC surface and
// data model, into every other form of it. Run by the build (CMake for C++, npm for TypeScript);
// nothing it writes is committed or edited by hand.
//
//   node scripts/generate-contract.mjs CONTRACT.json [--core DIR] [--app DIR] [--ts DIR] [--docs FILE]
//
//   --core DIR   DIR/quire/core/{enum_values,error_codes,<type>}.h (quire_core): enums, error codes, records
//   --app DIR    DIR/command_table.h, DIR/command_table.cpp, DIR/menu_table.cpp (quire_app)
//   --ts DIR     DIR/contract.ts, DIR/commands.ts (frontend/src/ipc/generated)
//   --docs FILE  the contract as a Markdown reference
//
// A description that does not hold together (an unknown type, an enum that is not declared, a
// required key that accepts null, ...) stops the build with a message naming the place.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const SOURCE_NAME = 'resources/ipc-contract.json';
const HEADER = `Generated from ${SOURCE_NAME} by scripts/generate-contract.mjs: do not edit.`;

// ---- Reading and checking the description -----------------------------------

class ContractError extends Error {}

function fail(where, message) {
  throw new ContractError(`${where}: ${message}`);
}

const ARG_TYPES = new Set(['string', 'string[]', 'count', 'boolean', 'localDate', 'timestamp']);
const NULL_MEANINGS = new Set(['absent', 'clear', 'reject']);
const FIELD_SCALARS = new Set(['string', 'string[]', 'timestamp', 'localDate', 'boolean', 'count']);

/** 'ChecklistItem' for 'ChecklistItem[]' when that names a type of "types"; otherwise null. */
function recordListElement(contract, type) {
  const element = type.endsWith('[]') ? type.slice(0, -2) : null;
  return element !== null && Object.hasOwn(contract.types, element) ? element : null;
}

/**
 * A type whose lists are fields or arguments holds scalars and enums only, and is not a command's
 * result: it lives inside another record (its storage is that record's column).
 */
function checkElementType(contract, where, typeName) {
  for (const [field, type] of Object.entries(contract.types[typeName])) {
    if (recordListElement(contract, type.replace(/\|null$/, '')))
      fail(`types.${typeName}.${field}`, `'${typeName}' is a list element, so it cannot hold lists of records`);
  }
}

function checkEnumRef(contract, where, type) {
  const name = type.slice('enum:'.length);
  if (!Object.hasOwn(contract.enums, name)) fail(where, `'${type}' names no enum of "enums"`);
}

/** A field of an object type: a scalar or enum, optionally `|null`. */
function checkFieldType(contract, where, type) {
  const base = type.endsWith('|null') ? type.slice(0, -'|null'.length) : type;
  if (base.startsWith('enum:')) return checkEnumRef(contract, where, base);
  const element = recordListElement(contract, base);
  if (element) {
    if (base !== type) fail(where, `a list of ${element} is empty rather than null`);
    return checkElementType(contract, where, element);
  }
  if (!FIELD_SCALARS.has(base)) fail(where, `unknown field type '${type}'`);
}

/** A command's result: null, a scalar, or an object type, as itself, a list or nullable. */
function checkReturnType(contract, where, type) {
  if (type === 'null' || type === 'string' || type === 'boolean') return;
  const base = type.replace(/\[\]$/, '').replace(/\|null$/, '');
  if (!Object.hasOwn(contract.types, base)) fail(where, `unknown result type '${type}'`);
}

/** The menu bar: items that name a page action, and '-' separators between items of one menu. */
function checkMenu(menu) {
  if (!Array.isArray(menu.items) || menu.items.length === 0) fail('menu.items', 'must list the menu bar\'s items');
  const actions = new Set();
  menu.items.forEach((item, index) => {
    const where = `menu.items[${index}]`;
    if (item === '-') {
      if (index === 0 || menu.items[index - 1] === '-') fail(where, 'a separator comes after an item of its menu');
      return;
    }
    for (const key of ['menu', 'label', 'action'])
      if (typeof item[key] !== 'string' || item[key] === '') fail(where, `"${key}" must be a non-empty string`);
    for (const key of Object.keys(item))
      if (!['menu', 'label', 'action', 'keys', 'standardKey'].includes(key)) fail(where, `unknown key "${key}"`);
    if (item.keys !== undefined && item.standardKey !== undefined) fail(where, 'give "keys" or "standardKey", not both');
    if (item.standardKey !== undefined && !/^[A-Z][A-Za-z]*$/.test(item.standardKey))
      fail(where, '"standardKey" names a QKeySequence::StandardKey, e.g. "Undo"');
    if (actions.has(item.action)) fail(where, `action '${item.action}' is in the menu twice`);
    actions.add(item.action);
  });
}

function checkContract(contract) {
  for (const section of ['timeouts', 'limits', 'enums', 'errorCodes', 'objects', 'events', 'eventPayloads', 'menu', 'commands', 'types', 'defaults', 'wireForms']) {
    if (!(section in contract)) fail(SOURCE_NAME, `missing section "${section}"`);
  }
  checkMenu(contract.menu);
  for (const limit of ['stringLength', 'listLength', 'callSize']) {
    if (!Number.isInteger(contract.limits[limit]) || contract.limits[limit] <= 0)
      fail('limits', `"${limit}" must be a positive whole number`);
  }
  if (contract.limits.callSize < contract.limits.stringLength) fail('limits', '"callSize" must hold at least one longest string');
  for (const kind of ['list', 'single']) {
    if (!Number.isInteger(contract.timeouts[kind]) || contract.timeouts[kind] <= 0)
      fail('timeouts', `"${kind}" must be a positive whole number of milliseconds`);
  }
  for (const [name, values] of Object.entries(contract.enums)) {
    if (!/^[a-z][A-Za-z0-9]*$/.test(name)) fail(`enums.${name}`, 'enum names are camelCase');
    if (!Array.isArray(values) || values.length === 0) fail(`enums.${name}`, 'must list at least one value');
    const identifiers = new Set(values.map(pascalCase));
    if (identifiers.size !== values.length) fail(`enums.${name}`, 'two values give the same identifier');
  }
  for (const code of contract.errorCodes) {
    if (!/^[a-z]+(_[a-z]+)*$/.test(code)) fail('errorCodes', `'${code}' is not snake_case`);
  }
  for (const object of contract.objects) {
    if (!/^[a-z][A-Za-z0-9]*$/.test(object)) fail('objects', `'${object}' is not a camelCase identifier`);
  }
  for (const [event, object] of Object.entries(contract.events)) {
    if (!contract.objects.includes(object)) fail(`events.${event}`, `object '${object}' is not in "objects"`);
  }
  for (const [event, payload] of Object.entries(contract.eventPayloads)) {
    if (!Object.hasOwn(contract.events, event)) fail(`eventPayloads.${event}`, 'names no event of "events"');
    for (const [field, type] of Object.entries(payload)) {
      const where = `eventPayloads.${event}.${field}`;
      if (type.endsWith('[]') && Object.hasOwn(contract.types, type.slice(0, -2))) continue;
      if (type === 'count') continue;
      checkFieldType(contract, where, type);
    }
  }
  for (const event of Object.keys(contract.events)) {
    if (!Object.hasOwn(contract.eventPayloads, event)) fail(`events.${event}`, 'has no payload in "eventPayloads"');
  }
  for (const [typeName, fields] of Object.entries(contract.types)) {
    if (!/^[A-Z][A-Za-z0-9]*$/.test(typeName)) fail(`types.${typeName}`, 'type names are PascalCase');
    for (const [field, type] of Object.entries(fields)) checkFieldType(contract, `types.${typeName}.${field}`, type);
  }
  for (const [name, form] of Object.entries(contract.wireForms)) {
    if (!Object.hasOwn(contract.types, form.rowsOf)) fail(`wireForms.${name}`, `rowsOf '${form.rowsOf}' is no type`);
    const fields = contract.types[form.rowsOf];
    for (const [column, enumName] of Object.entries(form.enumIndexes ?? {})) {
      if (!new RegExp(`^enum:${enumName}(\\|null)?$`).test(fields[column] ?? ''))
        fail(`wireForms.${name}.enumIndexes.${column}`, `${form.rowsOf}.${column} is not of enum '${enumName}'`);
    }
    if (!Number.isInteger(form.firstPageSize) || form.firstPageSize <= 0) fail(`wireForms.${name}`, 'firstPageSize must be positive');
    if (!Number.isInteger(form.partRows) || form.partRows <= 0) fail(`wireForms.${name}`, 'partRows must be positive');
  }
  checkDefaults(contract);
  for (const [name, command] of Object.entries(contract.commands)) {
    const where = `commands.${name}`;
    if (!/^[a-z][a-z0-9_]*$/.test(name)) fail(where, 'command names are snake_case');
    if (!contract.objects.includes(command.object)) fail(where, `object '${command.object}' is not in "objects"`);
    if (command.kind !== 'list' && command.kind !== 'single') fail(where, `kind must be 'list' or 'single'`);
    if (typeof command.action !== 'string' || !command.action) fail(where, 'needs an "action" ("Failed to <action>")');
    if (typeof command.summary !== 'string' || !command.summary) fail(where, 'needs a "summary"');
    if (typeof command.writes !== 'boolean') fail(where, '"writes" must be true or false');
    if (command.timeoutMs !== undefined && (!Number.isInteger(command.timeoutMs) || command.timeoutMs <= 0))
      fail(where, '"timeoutMs" must be a positive whole number of milliseconds');
    for (const flag of ['cancellable', 'progress']) {
      if (command[flag] !== undefined && typeof command[flag] !== 'boolean') fail(where, `"${flag}" must be true or false`);
    }
    checkReturnType(contract, `${where}.returns`, command.returns);
    if (command.wire !== undefined && !Object.hasOwn(contract.wireForms, command.wire))
      fail(`${where}.wire`, `'${command.wire}' is not in "wireForms"`);
    for (const [key, arg] of Object.entries(command.args)) {
      const at = `${where}.args.${key}`;
      if (!/^[a-z][A-Za-z0-9]*$/.test(key)) fail(at, 'argument keys are camelCase');
      if (arg.type.startsWith('enum:')) checkEnumRef(contract, at, arg.type);
      else if (recordListElement(contract, arg.type)) checkElementType(contract, at, recordListElement(contract, arg.type));
      else if (!ARG_TYPES.has(arg.type)) fail(at, `unknown argument type '${arg.type}'`);
      if (typeof arg.required !== 'boolean') fail(at, '"required" must be true or false');
      if (!NULL_MEANINGS.has(arg.null)) fail(at, `"null" must be one of ${[...NULL_MEANINGS].join(', ')}`);
      if (arg.required && arg.null !== 'reject') fail(at, 'a required key must reject null');
    }
    checkRecordArguments(contract, where, command);
  }
  checkOnePatchPerType(contract);
}

/** The argument every cancellable or progress-reporting command takes, declared here once for all of them. */
const REQUEST_ID_ARG = Object.freeze({ type: 'string', required: false, null: 'absent' });

/**
 * Adds `requestId` to the arguments of each command that is cancellable or reports progress, so
 * the description says it once per command (a flag) and every generated form has the key.
 */
function withRequestIds(contract) {
  for (const [name, command] of Object.entries(contract.commands)) {
    if (!command.cancellable && !command.progress) continue;
    if (Object.hasOwn(command.args, 'requestId')) fail(`commands.${name}.args.requestId`, 'is added by "cancellable"/"progress"; do not declare it');
    command.args = { ...command.args, requestId: { ...REQUEST_ID_ARG } };
  }
  return contract;
}

function checkDefaults(contract) {
  for (const [typeName, defaults] of Object.entries(contract.defaults ?? {})) {
    const fields = contract.types[typeName];
    if (!fields) fail(`defaults.${typeName}`, 'names no type of "types"');
    for (const [field, value] of Object.entries(defaults)) {
      const type = fields[field];
      if (!type?.startsWith('enum:') || type.endsWith('|null'))
        fail(`defaults.${typeName}.${field}`, 'only fields of a non-null enum type take a default');
      if (!contract.enums[type.slice('enum:'.length)].includes(value))
        fail(`defaults.${typeName}.${field}`, `'${value}' is not a value of ${type}`);
    }
  }
}

/**
 * A command that `creates` or `updates` a type carries that type's draft or patch: each argument
 * named like one of its fields is that field, so its type must fit the field's, and null must mean
 * what the field allows (a patch clears a nullable field with null and cannot clear another).
 */
function checkRecordArguments(contract, where, command) {
  for (const role of ['creates', 'updates']) {
    const typeName = command[role];
    if (typeName === undefined) continue;
    const fields = contract.types[typeName];
    if (!fields) fail(`${where}.${role}`, `'${typeName}' is not in "types"`);
    for (const [key, arg] of Object.entries(command.args)) {
      const field = fields[key];
      if (field === undefined) continue;
      const nullable = field.endsWith('|null');
      const base = nullable ? field.slice(0, -'|null'.length) : field;
      if (base !== arg.type) fail(`${where}.args.${key}`, `is ${arg.type} but ${typeName}.${key} is ${field}`);
      if (role === 'updates' && (arg.null === 'clear') !== nullable)
        fail(`${where}.args.${key}`, nullable ? `null must clear the nullable ${typeName}.${key}` : `${typeName}.${key} cannot be cleared`);
    }
  }
}

/** Commands that update one type carry the same patch: the generated Patch struct serves them all. */
function checkOnePatchPerType(contract) {
  const patches = new Map();
  for (const [name, command] of Object.entries(contract.commands)) {
    if (command.updates === undefined) continue;
    const fields = contract.types[command.updates];
    const patch = JSON.stringify(Object.entries(command.args).filter(([key]) => Object.hasOwn(fields, key)));
    const first = patches.get(command.updates);
    if (first && first.patch !== patch)
      fail(`commands.${name}`, `updates ${command.updates} with other fields than ${first.name}`);
    if (!first) patches.set(command.updates, { name, patch });
  }
}

// ---- Naming ------------------------------------------------------------------

/** "long term" -> "LongTerm", "in_progress" -> "InProgress", "taskType" -> "TaskType". */
function pascalCase(text) {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/** "db_create_task" -> "invokeDbCreateTask". */
const functionName = (command) => `invoke${pascalCase(command)}`;
/** "db_create_task" -> "DbCreateTaskArgs". */
const argsTypeName = (command) => `${pascalCase(command)}Args`;

/** A C++ UTF-16 literal of any text. */
function cppString(text) {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else out += code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `u"${out}"`;
}

const jsString = (text) => JSON.stringify(text);

/** Wraps a sentence into comment lines of at most `width` characters. */
function commentLines(text, prefix, width = 100) {
  const lines = [];
  let line = prefix;
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length + 1 > width && line.trim() !== prefix.trim()) {
      lines.push(line.trimEnd());
      line = prefix;
    }
    line += (line === prefix ? '' : ' ') + word;
  }
  lines.push(line.trimEnd());
  return lines;
}

// ---- C++: core ---------------------------------------------------------------

function coreEnumValues(contract) {
  const out = [`// ${HEADER}`, '#pragma once', '', '#include <array>', '#include <string_view>', '#include <utility>', ''];
  out.push('namespace quire::core {', '');
  out.push('/** @brief The wire and storage spelling of each value of enum E, in declaration order. */');
  out.push('template<class E>', 'struct EnumTraits;', '');
  for (const [name, values] of Object.entries(contract.enums)) {
    const type = pascalCase(name);
    out.push(`/** @brief ${values.join(', ')}. */`);
    out.push(`enum class ${type} { ${values.map(pascalCase).join(', ')} };`, '');
    out.push('template<>', `struct EnumTraits<${type}> {`);
    out.push(`    static constexpr std::string_view kind = ${jsString(name)};`);
    out.push(`    static constexpr std::array<std::pair<${type}, std::u16string_view>, ${values.length}> values{{`);
    for (const value of values) out.push(`        {${type}::${pascalCase(value)}, ${cppString(value)}},`);
    out.push('    }};', '};', '');
  }
  out.push('} // namespace quire::core', '');
  return out.join('\n');
}

function coreErrorCodes(contract) {
  const codes = contract.errorCodes;
  const out = [`// ${HEADER}`, '#pragma once', '', '#include <array>', '#include <string_view>', ''];
  out.push('namespace quire::core {', '');
  out.push('/** @brief Stable error categories; their wire names (kErrorCodeNames) are part of the IPC contract. */');
  out.push(`enum class ErrorCode { ${codes.map(pascalCase).join(', ')} };`, '');
  out.push('/** @brief The wire name of each ErrorCode, indexed by its value. */');
  out.push(`inline constexpr std::array<std::u16string_view, ${codes.length}> kErrorCodeNames{`);
  for (const code of codes) out.push(`    ${cppString(code)},`);
  out.push('};', '', '} // namespace quire::core', '');
  return out.join('\n');
}

/** "projectIds" -> "project_ids", "Task" -> "task". */
function snakeCase(text) {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** The C++ type of a field of an object type. */
function cppFieldType(type) {
  if (type.endsWith('|null')) return `std::optional<${cppFieldType(type.slice(0, -'|null'.length))}>`;
  if (type.startsWith('enum:')) return pascalCase(type.slice('enum:'.length));
  if (type.endsWith('[]') && type !== 'string[]') return `QList<${type.slice(0, -2)}>`;
  return { string: 'QString', 'string[]': 'QStringList', timestamp: 'QDateTime', localDate: 'LocalDate', boolean: 'bool', count: 'qint64' }[type];
}

function cppMember(contract, typeName, field, type) {
  const value = contract.defaults?.[typeName]?.[field];
  const initialiser = value === undefined ? '{}' : ` = ${cppFieldType(type)}::${pascalCase(value)}`;
  return `    ${cppFieldType(type)} ${field}${initialiser};`;
}

/** The fields of `typeName` that the arguments of the command that `role`s it carry, in argument order. */
function recordArguments(contract, typeName, role) {
  const command = Object.values(contract.commands).find((c) => c[role] === typeName);
  if (!command) return null;
  return Object.keys(command.args).filter((key) => Object.hasOwn(contract.types[typeName], key));
}

function coreRecord(contract, typeName) {
  const fields = contract.types[typeName];
  const draftKeys = recordArguments(contract, typeName, 'creates');
  const patchKeys = recordArguments(contract, typeName, 'updates');
  const out = [`// ${HEADER}`, '#pragma once', ''];
  const elements = new Set(Object.values(fields).map((type) => recordListElement(contract, type)).filter(Boolean));
  out.push('#include <quire/core/enums.h>', '#include <quire/core/local_date.h>', '#include <quire/core/record.h>');
  for (const element of elements) out.push(`#include <quire/core/${snakeCase(element)}.h>`);
  out.push('', '#include <QDateTime>', '#include <QList>', '#include <QString>', '#include <QStringList>', '', '#include <optional>', '#include <tuple>', '');
  out.push('namespace quire::core {', '');
  out.push(`/** @brief A stored ${typeName}. */`, `struct ${typeName} {`);
  for (const [field, type] of Object.entries(fields)) out.push(cppMember(contract, typeName, field, type));
  out.push('', `    friend bool operator==(const ${typeName} &, const ${typeName} &) = default;`, '};', '');
  if (draftKeys) {
    out.push(`/** @brief What a new ${typeName} is made from; the repository validates and normalises it. */`);
    out.push(`struct ${typeName}Draft {`);
    for (const key of draftKeys) out.push(cppMember(contract, typeName, key, fields[key]));
    out.push('};', '');
  }
  if (patchKeys) {
    out.push('/**', ' * @brief A partial update: an empty outer optional leaves the field unchanged;');
    out.push(' * for nullable fields an inner nullopt clears it.', ' */', `struct ${typeName}Patch {`);
    for (const key of patchKeys) out.push(`    std::optional<${cppFieldType(fields[key])}> ${key}{};`);
    out.push('};', '');
  }
  out.push(`/** @brief The fields of ${typeName}: the wire key, the column name and the member. */`);
  out.push('template<>', `struct RecordTraits<${typeName}> {`);
  out.push(`    /** @brief What messages call one ${typeName}. */`);
  out.push(`    static constexpr std::u16string_view name = u"${snakeCase(typeName).replaceAll('_', ' ')}";`);
  out.push(`    static constexpr auto fields = std::make_tuple(`);
  const entries = Object.entries(fields);
  entries.forEach(([field, type], i) => {
    const column = snakeCase(field);
    const comma = i + 1 < entries.length ? ',' : ');';
    out.push(`        Field<${typeName}, ${cppFieldType(type)}>{u"${field}", u"${column}", &${typeName}::${field}}${comma}`);
  });
  if (draftKeys) {
    out.push(`    using Draft = ${typeName}Draft;`, '    static constexpr auto draftFields = std::make_tuple(');
    draftKeys.forEach((key, i) => {
      const comma = i + 1 < draftKeys.length ? ',' : ');';
      out.push(`        DraftField<Draft, ${typeName}, ${cppFieldType(fields[key])}>{u"${key}", &Draft::${key}, &${typeName}::${key}}${comma}`);
    });
  }
  if (patchKeys) {
    out.push(`    using Patch = ${typeName}Patch;`, '    static constexpr auto patchFields = std::make_tuple(');
    patchKeys.forEach((key, i) => {
      const comma = i + 1 < patchKeys.length ? ',' : ');';
      out.push(`        PatchField<Patch, ${typeName}, ${cppFieldType(fields[key])}>{u"${key}", &Patch::${key}, &${typeName}::${key}}${comma}`);
    });
  }
  out.push('};', '', '} // namespace quire::core', '');
  return out.join('\n');
}

// ---- C++: app ----------------------------------------------------------------

const CPP_ARG_TYPES = { string: 'String', 'string[]': 'StringList', count: 'Count', boolean: 'Boolean', localDate: 'LocalDate', timestamp: 'Timestamp' };

/**
 * The initialiser of one ArgSpec: an argument of a command or, for a list of records, one key of
 * each element (required unless nullable, when null means absent).
 */
function cppArgSpec(contract, where, key, arg) {
  const required = arg.required ? 'true' : 'false';
  const head = `${cppString(key)}_s, `;
  const tail = `${required}, ${pascalCase(arg.null)}`;
  if (arg.type.startsWith('enum:')) {
    const enumName = arg.type.slice('enum:'.length);
    return `{${head}Enum, ${tail}, ${cppString(enumName)}_s, core::enumNames<core::${pascalCase(enumName)}>(), {}}`;
  }
  const element = recordListElement(contract, arg.type);
  if (element) {
    const fields = Object.entries(contract.types[element]).map(([field, type]) => {
      const nullable = type.endsWith('|null');
      const spec = { type: type.replace(/\|null$/, ''), required: !nullable, null: nullable ? 'absent' : 'reject' };
      return cppArgSpec(contract, `types.${element}.${field}`, field, spec);
    });
    return `{${head}RecordList, ${tail}, ${cppString(element)}_s, {}, {${fields.join(', ')}}}`;
  }
  if (!Object.hasOwn(CPP_ARG_TYPES, arg.type)) fail(where, `'${arg.type}' cannot travel as an argument`);
  return `{${head}${CPP_ARG_TYPES[arg.type]}, ${tail}, {}, {}, {}}`;
}

function appCommandTableHeader(contract) {
  const out = [`// ${HEADER}`, '#pragma once', '', '#include <QString>', '#include <QtGlobal>', '', '#include <array>', '#include <string_view>', '#include <utility>', ''];
  out.push('namespace quire::app::contract {', '');
  out.push('/** @brief What one call may carry (the contract\'s "limits"). */', 'struct Limits {');
  out.push(`    static constexpr qsizetype stringLength = ${contract.limits.stringLength};`);
  out.push(`    static constexpr qsizetype listLength = ${contract.limits.listLength};`);
  out.push(`    static constexpr qsizetype callSize = ${contract.limits.callSize};`);
  out.push('};', '');
  out.push('/** @brief Names of the objects on the page\'s QWebChannel. */');
  out.push('struct Objects {');
  for (const object of contract.objects) out.push(`    static inline const QString ${object} = QStringLiteral(${jsString(object)});`);
  out.push('};', '');
  for (const [name, form] of Object.entries(contract.wireForms)) {
    const enumKeys = Object.keys(form.enumIndexes ?? {});
    const sameAs = Object.entries(form.nullMeansSameAs ?? {});
    out.push(`/** @brief The ${name} wire form of ${form.rowsOf} lists: which fields travel as enum indexes, which as null when equal to another. */`);
    out.push(`struct ${name} {`);
    out.push(`    static constexpr std::array<std::u16string_view, ${enumKeys.length}> enumIndexes {${enumKeys.map((k) => `u"${k}"`).join(', ')}};`);
    out.push(`    static constexpr std::array<std::pair<std::u16string_view, std::u16string_view>, ${sameAs.length}> nullMeansSameAs {{${sameAs.map(([k, v]) => `{u"${k}", u"${v}"}`).join(', ')}}};`);
    out.push('};', '');
  }
  out.push('} // namespace quire::app::contract', '');
  return out.join('\n');
}

function appMenuTableSource(contract) {
  const out = [`// ${HEADER}`, '#include "menu_items.h"', '', 'using namespace Qt::StringLiterals;', '', 'namespace quire::app {', ''];
  out.push('QList<MenuItem> menuItems()', '{', '    return {');
  for (const item of contract.menu.items) {
    if (item === '-') {
      out.push('        {},');
      continue;
    }
    const keys = item.standardKey
      ? `QKeySequence(QKeySequence::${item.standardKey})`
      : item.keys
        ? `QKeySequence(${cppString(item.keys)}_s)`
        : 'QKeySequence()';
    out.push(`        {${cppString(item.menu)}_s, ${cppString(item.label)}_s, ${cppString(item.action)}_s, ${keys}},`);
  }
  out.push('    };', '}', '', '} // namespace quire::app', '');
  return out.join('\n');
}

function appCommandTableSource(contract) {
  const out = [`// ${HEADER}`, '#include "command_specs.h"', '', '#include <quire/core/enums.h>', ''];
  out.push('using namespace Qt::StringLiterals;', '', 'namespace quire::app {', '');
  out.push('QList<CommandSpec> buildCommandSpecs()', '{');
  out.push('    using enum ArgType;', '    using enum NullMeaning;', '    return {');
  for (const [name, command] of Object.entries(contract.commands)) {
    const kind = command.kind === 'list' ? 'CommandKind::List' : 'CommandKind::Single';
    out.push(
      `        {${cppString(name)}_s, ${cppString(command.object)}_s, ${kind}, ${cppString(command.action)}_s, ` +
        `${command.wire ? `${cppString(command.wire)}_s` : 'QString()'}, ${Boolean(command.cancellable)}, ${Boolean(command.progress)}, ${command.writes},`,
    );
    out.push('         {');
    for (const [key, arg] of Object.entries(command.args))
      out.push(`             ${cppArgSpec(contract, `commands.${name}.args.${key}`, key, arg)},`);
    out.push('         }},');
  }
  out.push('    };', '}', '', '} // namespace quire::app', '');
  return out.join('\n');
}

// ---- TypeScript --------------------------------------------------------------

function tsFieldType(type) {
  if (type.endsWith('|null')) return `${tsFieldType(type.slice(0, -'|null'.length))} | null`;
  if (type.startsWith('enum:')) return pascalCase(type.slice('enum:'.length));
  if (type === 'string[]') return 'string[]';
  if (type === 'count') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'null') return 'null';
  if (type.endsWith('[]')) return `${tsFieldType(type.slice(0, -2))}[]`;
  return type === 'string' || type === 'timestamp' || type === 'localDate' ? 'string' : type;
}

/** Absent and null both mean "not given" where null is not rejected. */
function tsArgType(arg) {
  return arg.null === 'reject' ? tsFieldType(arg.type) : `${tsFieldType(arg.type)} | null`;
}

function tsConst(value, indent = '') {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);
}

function withoutComments(value) {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '$comment')
      .map(([key, inner]) => [key, withoutComments(inner)]),
  );
}

function tsContract(contract) {
  const out = [`// SPDX-License-Identifier: MIT`, `// ${HEADER}`, ''];
  const tables = withoutComments(contract);
  const commandTable = Object.fromEntries(
    Object.entries(tables.commands).map(([name, { summary: _summary, action: _action, ...spec }]) => [name, spec]),
  );
  const exported = [
    ['timeouts', 'Default timeouts in milliseconds, by command kind.', tables.timeouts],
    ['limits', 'What one call may carry: string length, list length, and its whole size.', tables.limits],
    ['enums', 'Every enum: its values in order.', tables.enums],
    ['errorCodes', 'Codes of the error envelope.', tables.errorCodes],
    ['objectNames', 'Names of the objects registered on the QWebChannel.', tables.objects],
    ['eventSpecs', 'Backend signal name -> the object that emits it.', tables.events],
    ['eventPayloads', 'What each signal carries: field -> type.', tables.eventPayloads],
    ['commandSpecs', 'Every command: its object, kind, result, wire form and arguments.', commandTable],
    ['wireForms', 'How a result travels when not as itself.', tables.wireForms],
    ['typeSpecs', 'Every record type: field -> type.', tables.types],
    ['defaults', "A field's value where a new record's draft does not set it.", tables.defaults],
    [
      'menuActions',
      "The page actions the window's menu bar asks for (actionRequested); the page registers each.",
      contract.menu.items.filter((item) => item !== '-').map((item) => item.action),
    ],
  ];
  for (const [name, doc, value] of exported) out.push(`/** ${doc} */`, `export const ${name} = ${tsConst(value)} as const;`, '');
  out.push('export type EnumName = keyof typeof enums;');
  out.push('export type ErrorCode = (typeof errorCodes)[number];');
  out.push('export type ObjectName = (typeof objectNames)[number];');
  out.push('export type EventName = keyof typeof eventSpecs;');
  out.push('export type WireFormName = keyof typeof wireForms;', '');
  for (const name of Object.keys(contract.enums)) {
    out.push(`export type ${pascalCase(name)} = (typeof enums.${name})[number];`);
  }
  out.push('');
  for (const [typeName, fields] of Object.entries(contract.types)) {
    out.push(`export interface ${typeName} {`);
    for (const [field, type] of Object.entries(fields)) out.push(`  ${field}: ${tsFieldType(type)};`);
    out.push('}', '');
  }
  for (const [event, payload] of Object.entries(contract.eventPayloads)) {
    out.push(`/** What the ${event} signal carries. */`, `export interface ${pascalCase(event)}Payload {`);
    for (const [field, type] of Object.entries(payload)) out.push(`  ${field}: ${tsFieldType(type)};`);
    out.push('}', '');
  }
  out.push('/** The payload of each event. */', 'export interface EventPayloadMap {');
  for (const event of Object.keys(contract.eventPayloads)) out.push(`  ${event}: ${pascalCase(event)}Payload;`);
  out.push('}', '');
  for (const [name, form] of Object.entries(contract.wireForms)) {
    out.push(`/** ${form.rowsOf} rows as the ${name} wire form carries them: one array per field. */`);
    out.push(`export interface ${name} {`, '  count: number;', '  total: number;', '  version: string;');
    for (const [field, type] of Object.entries(contract.types[form.rowsOf]))
      out.push(`  ${field}: Array<${tsColumnElementType(form, field, type)}>;`);
    out.push('}', '');
    out.push(...tsRowDecoder(contract, name, form));
  }
  for (const [name, command] of Object.entries(contract.commands)) {
    out.push(`/** Arguments of ${name}. */`);
    const args = Object.entries(command.args);
    if (args.length === 0) {
      out.push(`export type ${argsTypeName(name)} = Record<string, never>;`, '');
      continue;
    }
    out.push(`export interface ${argsTypeName(name)} {`);
    for (const [key, arg] of args) {
      const meaning = { absent: 'null or absent: not given', clear: 'absent: unchanged; null: cleared', reject: '' }[arg.null];
      if (meaning) out.push(`  /** ${meaning}. */`);
      out.push(`  ${key}${arg.required ? '' : '?'}: ${tsArgType(arg)};`);
    }
    out.push('}', '');
  }
  out.push('/** The argument object of each command. */', 'export interface CommandArgsMap {');
  for (const name of Object.keys(contract.commands)) out.push(`  ${name}: ${argsTypeName(name)};`);
  out.push('}', '', "/** What each command's `data` is on success. */", 'export interface CommandResultMap {');
  for (const [name, command] of Object.entries(contract.commands)) out.push(`  ${name}: ${tsFieldType(command.returns)};`);
  out.push('}', '');
  out.push('export type CommandName = keyof CommandArgsMap;');
  out.push('export type CommandArgs<C extends CommandName> = CommandArgsMap[C];');
  out.push('export type CommandResult<C extends CommandName> = CommandResultMap[C];', '');
  return out.join('\n');
}

/** What one element of a field's column holds in a columnar wire form: an enum index or the value, null where the field is nullable or stands for another. */
function tsColumnElementType(form, field, type) {
  const nullable = type.endsWith('|null') || Object.hasOwn(form.nullMeansSameAs ?? {}, field);
  const base = Object.hasOwn(form.enumIndexes ?? {}, field) ? 'number' : tsFieldType(type.replace(/\|null$/, ''));
  return nullable ? `${base} | null` : base;
}

/**
 * The rows of a columnar wire form as objects, written out field by field: a loop over the
 * description at run time was five times slower on 100 000 rows (objects built key by key).
 */
function tsRowDecoder(contract, formName, form) {
  const fields = Object.entries(contract.types[form.rowsOf]);
  const out = [];
  out.push(`/** The rows of ${formName} as ${form.rowsOf} objects, or the index of the first row with an enum index out of range. */`);
  out.push(`export function decode${formName}Rows(c: ${formName}): ${form.rowsOf}[] | number {`);
  const enumFields = fields.filter(([field]) => Object.hasOwn(form.enumIndexes ?? {}, field));
  for (const [field] of enumFields) out.push(`  const ${field}Values: readonly string[] = enums.${form.enumIndexes[field]};`);
  out.push(`  const rows = new Array<${form.rowsOf}>(c.count);`, '  for (let i = 0; i < c.count; i += 1) {');
  for (const [field, type] of fields) {
    if (Object.hasOwn(form.enumIndexes ?? {}, field)) {
      out.push(`    const ${field}Index = c.${field}[i] as number | null;`);
      const lookup = `${field}Values[${field}Index]`;
      out.push(type.endsWith('|null')
        ? `    const ${field} = ${field}Index === null ? null : ${lookup};`
        : `    const ${field} = ${field}Index === null ? undefined : ${lookup};`);
    } else {
      out.push(`    const ${field} = c.${field}[i] as ${tsColumnElementType(form, field, type)};`);
    }
  }
  if (enumFields.length > 0)
    out.push(`    if (${enumFields.map(([field]) => `${field} === undefined`).join(' || ')}) return i;`);
  out.push('    rows[i] = {');
  for (const [field, type] of fields) {
    const sameAs = form.nullMeansSameAs?.[field];
    const cast = Object.hasOwn(form.enumIndexes ?? {}, field) ? ` as ${tsFieldType(type)}` : '';
    out.push(sameAs || cast ? `      ${field}: ${sameAs ? `${field} ?? ${sameAs}` : field}${cast},` : `      ${field},`);
  }
  out.push('    };', '  }', '  return rows;', '}', '');
  return out;
}

function tsCommands(contract) {
  const out = [`// SPDX-License-Identifier: MIT`, `// ${HEADER}`, '// One typed function per backend command (as tauri-specta writes them): the arguments object, then options.'];
  const typeNames = new Set(['CommandName']);
  for (const [name, command] of Object.entries(contract.commands)) {
    typeNames.add(argsTypeName(name));
    for (const word of tsFieldType(command.returns).split(/[^A-Za-z]+/)) {
      if (Object.hasOwn(contract.types, word)) typeNames.add(word);
    }
  }
  out.push(`import type { ${[...typeNames].sort().join(', ')} } from '@/ipc/generated/contract';`);
  out.push("import { invoke, type InvokeOptions } from '@/ipc/invoke';", '');
  for (const [name, command] of Object.entries(contract.commands)) {
    const hasRequired = Object.values(command.args).some((arg) => arg.required);
    const argsParam = hasRequired ? `args: ${argsTypeName(name)}` : `args: ${argsTypeName(name)} = {}`;
    out.push('/**', ...commentLines(command.summary, ' * '), ' */');
    out.push(
      `export function ${functionName(name)}(${argsParam}, options?: InvokeOptions): Promise<${tsFieldType(command.returns)}> {`,
    );
    out.push(`  return invoke(${jsString(name)}, args, options);`, '}', '');
  }
  out.push('/** Every command\'s function, keyed by command name. */', 'export const commands = {');
  for (const name of Object.keys(contract.commands)) out.push(`  ${name}: ${functionName(name)},`);
  out.push('} as const satisfies Record<CommandName, (...args: never[]) => Promise<unknown>>;', '');
  return out.join('\n');
}

// ---- Markdown reference ------------------------------------------------------

function docs(contract) {
  const out = [`<!-- ${HEADER} -->`, '# Quire IPC contract', ''];
  out.push(
    'Every command is a slot of an object on the page\'s QWebChannel. It takes one JSON object of arguments ' +
      'and answers `{"ok": true, "data": …}` or `{"ok": false, "error": {"code", "message"}}`. Keys are camelCase; ' +
      'their snake_case spelling is accepted too. An unknown key, a missing required key or a wrong type is ' +
      '`invalid_argument` naming the key.',
    '',
  );
  out.push(`Default timeouts: ${contract.timeouts.list} ms for list commands, ${contract.timeouts.single} ms for the rest.`, '');
  out.push(`Limits of one call: strings up to ${contract.limits.stringLength} UTF-16 code units, arrays up to ${contract.limits.listLength} elements, ${contract.limits.callSize} in all (${contract.limits.$comment ?? ''}).`, '');
  out.push('## Commands', '');
  for (const [name, command] of Object.entries(contract.commands)) {
    out.push(`### \`${name}\``, '', `${command.summary}`, '');
    const abilities = [command.cancellable && 'cancellable', command.progress && 'reports progress'].filter(Boolean);
    out.push(`Object \`${command.object}\`, ${command.kind}; returns \`${command.returns}\`${command.wire ? ` (travels as ${command.wire})` : ''}${abilities.length ? `; ${abilities.join(', ')}` : ''}.`, '');
    const args = Object.entries(command.args);
    if (args.length === 0) {
      out.push('No arguments.', '');
      continue;
    }
    out.push('| key | type | required | null means |', '|---|---|---|---|');
    for (const [key, arg] of args) out.push(`| \`${key}\` | \`${arg.type}\` | ${arg.required ? 'yes' : 'no'} | ${arg.null} |`);
    out.push('');
  }
  out.push('## Menu bar', '', "Each item sends `actionRequested` with the page action it names; the key is the page's, shown by the menu.", '');
  out.push('| menu | item | action | key |', '|---|---|---|---|');
  for (const item of contract.menu.items) {
    if (item === '-') continue;
    const key = item.standardKey ? `the platform's ${item.standardKey}` : item.keys ? `\`${item.keys}\`` : '';
    out.push(`| ${item.menu.replace('&', '')} | ${item.label.replace('&', '')} | \`${item.action}\` | ${key} |`);
  }
  out.push('');
  out.push('## Types', '');
  for (const [typeName, fields] of Object.entries(contract.types)) {
    out.push(`### ${typeName}`, '', '| field | type |', '|---|---|');
    for (const [field, type] of Object.entries(fields)) out.push(`| \`${field}\` | \`${type}\` |`);
    out.push('');
  }
  out.push('## Enums', '');
  for (const [name, values] of Object.entries(contract.enums)) out.push(`- \`${name}\`: ${values.map((v) => `\`${v}\``).join(', ')}`);
  out.push('', '## Error codes', '', contract.errorCodes.map((c) => `\`${c}\``).join(', '), '');
  out.push('## Events', '', '| signal | object | payload |', '|---|---|---|');
  for (const [event, object] of Object.entries(contract.events)) {
    const payload = Object.entries(contract.eventPayloads[event]).map(([field, type]) => `\`${field}: ${type}\``);
    out.push(`| \`${event}\` | \`${object}\` | ${payload.join(', ')} |`);
  }
  out.push('', '## Wire forms', '');
  for (const [name, form] of Object.entries(contract.wireForms)) {
    out.push(`### ${name}`, '', form.$comment ?? '', '', '```json', JSON.stringify(withoutComments(form), null, 2), '```', '');
  }
  return out.join('\n');
}

// ---- Main --------------------------------------------------------------------

/**
 * The TypeScript is written only when it changed, so that watching tools (vite, vitest) stay calm;
 * the rest always, because the build compares its time with the description's.
 */
function write(path, text, { onlyIfChanged = false } = {}) {
  mkdirSync(dirname(path), { recursive: true });
  if (onlyIfChanged && existsSync(path) && readFileSync(path, 'utf8') === text) return;
  writeFileSync(path, text);
}

function parseArguments(argv) {
  const [contractPath, ...rest] = argv;
  if (!contractPath) throw new ContractError('usage: generate-contract.mjs CONTRACT.json [--core DIR] [--app DIR] [--ts DIR] [--docs FILE]');
  const outputs = {};
  for (let i = 0; i < rest.length; i += 2) {
    const flag = rest[i];
    if (!['--core', '--app', '--ts', '--docs'].includes(flag) || rest[i + 1] === undefined)
      throw new ContractError(`unknown or incomplete option '${flag}'`);
    outputs[flag.slice(2)] = rest[i + 1];
  }
  return { contractPath, outputs };
}

function main() {
  const { contractPath, outputs } = parseArguments(process.argv.slice(2));
  let contract;
  try {
    contract = JSON.parse(readFileSync(contractPath, 'utf8'));
  } catch (error) {
    throw new ContractError(`cannot read ${contractPath}: ${error.message}`);
  }
  checkContract(contract);
  withRequestIds(contract);
  if (outputs.core) {
    write(join(outputs.core, 'quire/core/enum_values.h'), coreEnumValues(contract));
    write(join(outputs.core, 'quire/core/error_codes.h'), coreErrorCodes(contract));
    for (const typeName of Object.keys(contract.types))
      write(join(outputs.core, `quire/core/${snakeCase(typeName)}.h`), coreRecord(contract, typeName));
  }
  if (outputs.app) {
    write(join(outputs.app, 'command_table.h'), appCommandTableHeader(contract));
    write(join(outputs.app, 'command_table.cpp'), appCommandTableSource(contract));
    write(join(outputs.app, 'menu_table.cpp'), appMenuTableSource(contract));
  }
  if (outputs.ts) {
    write(join(outputs.ts, 'contract.ts'), tsContract(contract), { onlyIfChanged: true });
    write(join(outputs.ts, 'commands.ts'), tsCommands(contract), { onlyIfChanged: true });
  }
  if (outputs.docs) write(outputs.docs, docs(contract));
}

try {
  main();
} catch (error) {
  if (!(error instanceof ContractError)) throw error;
  console.error(`generate-contract: ${error.message} (in ${relative(process.cwd(), process.argv[2] ?? '') || SOURCE_NAME})`);
  process.exit(1);
}

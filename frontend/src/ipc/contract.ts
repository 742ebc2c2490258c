// SPDX-License-Identifier: MIT
// The IPC surface as seen from TypeScript. It mirrors resources/ipc-contract.json
// (the single source of truth, also checked against the C++ bridge by tests/app);
// src/ipc/contract.test.ts fails when this table and the JSON differ. Every type
// below (enums, Task, Project, command arguments and results) is derived from
// these tables, so the wrappers cannot drift from them without tsc failing.

export const enums = {
  priority: ['pinned', 'high', 'standard', 'long term', 'nit'],
  status: ['backlog', 'in_progress', 'completed', 'blocked'],
  complexity: ['easy', 'hard', 'deep dive'],
  taskType: ['bug', 'investigation', 'feature', 'cleanup', 'optimization', 'chore'],
} as const;

/** Names of the objects registered on the QWebChannel (app/ registers them). */
export const objectNames = ['tasks', 'projects', 'app'] as const;

/** Backend signal name -> the object that emits it. */
export const eventSpecs = {
  tasksChanged: 'tasks',
  projectsChanged: 'projects',
} as const;

export type EnumName = keyof typeof enums;
export type ObjectName = (typeof objectNames)[number];
export type EventName = keyof typeof eventSpecs;
/** 'count': a whole number from 0 to 2147483647 (offsets and limits of a listing). */
type ScalarType = 'string' | 'string[]' | 'count' | `enum:${EnumName}`;

export interface ArgSpec {
  readonly type: ScalarType;
  readonly required: boolean;
  /** What a JSON null means for this key. */
  readonly null: 'absent' | 'clear' | 'reject';
}

export interface CommandSpec {
  readonly object: ObjectName;
  readonly kind: 'list' | 'single';
  readonly returns: string;
  /** How `returns` travels when not as itself: see wireForms. */
  readonly wire?: WireFormName;
  readonly args: Readonly<Record<string, ArgSpec>>;
}

const req = { required: true, null: 'reject' } as const;
const optAbsent = { required: false, null: 'absent' } as const;
const optClear = { required: false, null: 'clear' } as const;
const optReject = { required: false, null: 'reject' } as const;

export const commandSpecs = {
  db_get_tasks: {
    object: 'tasks',
    kind: 'list',
    returns: 'Task[]',
    wire: 'TaskColumns',
    args: {
      projectIds: { type: 'string[]', ...optAbsent },
      offset: { type: 'count', ...optAbsent },
      limit: { type: 'count', ...optAbsent },
    },
  },
  db_get_project_tasks: {
    object: 'tasks',
    kind: 'list',
    returns: 'Task[]',
    wire: 'TaskColumns',
    args: {
      projectId: { type: 'string', ...req },
      offset: { type: 'count', ...optAbsent },
      limit: { type: 'count', ...optAbsent },
    },
  },
  db_get_task: {
    object: 'tasks',
    kind: 'single',
    returns: 'Task|null',
    args: { taskId: { type: 'string', ...req } },
  },
  db_create_task: {
    object: 'tasks',
    kind: 'single',
    returns: 'Task',
    args: {
      title: { type: 'string', ...req },
      description: { type: 'string', ...optAbsent },
      priority: { type: 'enum:priority', ...req },
      tags: { type: 'string[]', ...req },
      projectIds: { type: 'string[]', ...req },
      status: { type: 'enum:status', ...optAbsent },
      complexity: { type: 'enum:complexity', ...optAbsent },
      type: { type: 'enum:taskType', ...optAbsent },
    },
  },
  db_update_task: {
    object: 'tasks',
    kind: 'single',
    returns: 'Task',
    args: {
      taskId: { type: 'string', ...req },
      title: { type: 'string', ...optReject },
      description: { type: 'string', ...optClear },
      priority: { type: 'enum:priority', ...optReject },
      tags: { type: 'string[]', ...optReject },
      projectIds: { type: 'string[]', ...optReject },
      status: { type: 'enum:status', ...optReject },
      complexity: { type: 'enum:complexity', ...optClear },
      type: { type: 'enum:taskType', ...optClear },
    },
  },
  db_delete_task: {
    object: 'tasks',
    kind: 'single',
    returns: 'null',
    args: { taskId: { type: 'string', ...req } },
  },
  db_get_projects: {
    object: 'projects',
    kind: 'list',
    returns: 'Project[]',
    args: {},
  },
  db_create_project: {
    object: 'projects',
    kind: 'single',
    returns: 'Project',
    args: {
      name: { type: 'string', ...req },
      description: { type: 'string', ...optAbsent },
    },
  },
  db_update_project: {
    object: 'projects',
    kind: 'single',
    returns: 'Project',
    args: {
      projectId: { type: 'string', ...req },
      name: { type: 'string', ...optReject },
      description: { type: 'string', ...optClear },
    },
  },
  db_delete_project: {
    object: 'projects',
    kind: 'single',
    returns: 'null',
    args: { projectId: { type: 'string', ...req } },
  },
  ping: {
    object: 'app',
    kind: 'single',
    returns: 'string',
    args: {},
  },
} as const satisfies Record<string, CommandSpec>;

/**
 * Wire forms: how a result travels when not as itself. TaskColumns is { count, total, version, and
 * per Task key an array of count elements }; decoded in src/ipc/task-columns.ts, fetched pageSize
 * rows per call by src/ipc/task-list.ts.
 */
export const wireForms = {
  TaskColumns: {
    rowsOf: 'Task',
    enumIndexes: { priority: 'priority', status: 'status', complexity: 'complexity', type: 'taskType' },
    nullMeansSameAs: { updatedAt: 'createdAt' },
    pageSize: 10_000,
  },
} as const;

export type WireFormName = keyof typeof wireForms;

export const typeSpecs = {
  Task: {
    id: 'string',
    title: 'string',
    description: 'string|null',
    priority: 'enum:priority',
    status: 'enum:status',
    complexity: 'enum:complexity|null',
    type: 'enum:taskType|null',
    tags: 'string[]',
    projectIds: 'string[]',
    createdAt: 'string',
    updatedAt: 'string',
  },
  Project: {
    id: 'string',
    name: 'string',
    description: 'string|null',
    createdAt: 'string',
    updatedAt: 'string',
  },
} as const;

export type CommandName = keyof typeof commandSpecs;

// ---- Types derived from the tables ------------------------------------------

export type Priority = (typeof enums.priority)[number];
export type Status = (typeof enums.status)[number];
export type Complexity = (typeof enums.complexity)[number];
export type TaskType = (typeof enums.taskType)[number];

type TypeName = keyof typeof typeSpecs;

/** Turns a contract type string ("enum:status|null", "Task[]") into a TS type. */
export type ContractType<S extends string> = S extends `${infer A}|${infer B}`
  ? ContractType<A> | ContractType<B>
  : S extends 'string'
    ? string
    : S extends 'count'
      ? number
      : S extends 'null'
        ? null
        : S extends `enum:${infer E extends EnumName}`
          ? (typeof enums)[E][number]
          : S extends `${infer T extends TypeName}[]`
            ? Array<RecordOf<T>>
            : S extends 'string[]'
              ? string[]
              : S extends TypeName
                ? RecordOf<S>
                : never;

type RecordOf<T extends TypeName> = {
  -readonly [K in keyof (typeof typeSpecs)[T]]: ContractType<(typeof typeSpecs)[T][K] & string>;
};

type ArgsOf<C extends CommandName> = (typeof commandSpecs)[C]['args'];
type ArgValue<A> = A extends { type: infer T extends string; null: infer N }
  ? ContractType<T> | (N extends 'clear' ? null : never)
  : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The argument object a command takes: required keys required, the rest optional. */
export type CommandArgs<C extends CommandName> = Simplify<
  {
    -readonly [K in keyof ArgsOf<C> as ArgsOf<C>[K] extends { required: true } ? K : never]: ArgValue<
      ArgsOf<C>[K]
    >;
  } & {
    -readonly [K in keyof ArgsOf<C> as ArgsOf<C>[K] extends { required: true } ? never : K]?: ArgValue<
      ArgsOf<C>[K]
    >;
  }
>;

/** What a command's `data` is on success. */
export type CommandResult<C extends CommandName> = ContractType<(typeof commandSpecs)[C]['returns']>;

// Readable declarations for the rest of the app; the assertions below make tsc
// fail if they ever differ from what the contract tables say.

export interface Task {
  id: string;
  title: string;
  description: string | null;
  priority: Priority;
  status: Status;
  complexity: Complexity | null;
  type: TaskType | null;
  tags: string[];
  projectIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Project {
  id: string;
  name: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type _TaskMatchesContract = Assert<Equals<Task, RecordOf<'Task'>>>;
export type _ProjectMatchesContract = Assert<Equals<Project, RecordOf<'Project'>>>;

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commandSpecs, name);
}

export function defaultTimeoutMs(command: CommandName): number {
  return commandSpecs[command].kind === 'list' ? LIST_TIMEOUT_MS : COMMAND_TIMEOUT_MS;
}

export const LIST_TIMEOUT_MS = 15_000;
export const COMMAND_TIMEOUT_MS = 10_000;

// SPDX-License-Identifier: MIT
// A tiny in-memory backend behind mockBridge, for tests that click through the UI.
import { generateKeyBetween } from 'fractional-indexing';
import { patchedTask } from '@/features/tasks/utils/bulk-edit';
import { keyAfterTask } from '@/features/tasks/utils/order-keys';
import { matchesListQuery, type TaskListQuery } from '@/features/tasks/utils/task-lists';
import type {
  CommandArgs,
  DatabaseInfo,
  EventName,
  EventPayloadMap,
  FileFormat,
  ImportPreview,
  Project,
  Task,
  TransferSummary,
} from '@/ipc/contract';
import type { ProgressReport } from '@/ipc/events';
import { wordsOf } from '@/lib/highlight';
import { forgetLongCalls } from '@/lib/long-call';
import { makeProject, makeTask } from '@/testing/fixtures';
import { err, mockBridge, ok, type MockBridge } from '@/testing/mock-bridge';
import { taskListReply } from '@/testing/task-columns';

type Change = { [E in EventName]: [E, EventPayloadMap[E]] }[EventName];

const tasksChanged = (kind: 'upserted' | 'deleted', tasks: Task[], ids = tasks.map((t) => t.id)) =>
  ({ kind, ids, tasks }) satisfies EventPayloadMap['tasksChanged'];
const upsertedTasks = (tasks: Task[]): Change => ['tasksChanged', tasksChanged('upserted', tasks)];
const deletedTasks = (ids: string[]): Change => ['tasksChanged', tasksChanged('deleted', [], [...new Set(ids)])];
const upsertedProject = (project: Project): Change => [
  'projectsChanged',
  { kind: 'upserted', ids: [project.id], projects: [project] },
];

/** The real repository's refusal of a change made from an older read of `task` (core/sql_task_repository.cpp). */
const changedElsewhere = (task: Task, action: string) =>
  err('conflict', `Failed to ${action}: “${task.title}” was changed elsewhere after it was read (at ${task.updatedAt}); read it again before changing it`);

/** What the real bridge signals after each successful write (app/task_bridge.cpp, project_bridge.cpp). */
function changesAfter(command: string, args: Record<string, unknown>, data: unknown): Change[] {
  switch (command) {
    case 'db_create_task':
    case 'db_update_task':
      return [upsertedTasks([data as Task])];
    case 'db_update_tasks':
      return [upsertedTasks(data as Task[])];
    case 'db_move_task':
      return [upsertedTasks([data as Task])];
    case 'db_delete_task':
      return [deletedTasks([args.taskId as string])];
    case 'db_delete_tasks':
      return [deletedTasks(args.taskIds as string[])];
    case 'db_create_project':
    case 'db_update_project':
      return [upsertedProject(data as Project)];
    case 'db_delete_project':
      return [
        ['projectsChanged', { kind: 'deleted', ids: [args.projectId as string], projects: [] }],
        ['tasksChanged', { kind: 'reset', ids: [], tasks: [] }],
      ];
    case 'transfer_import':
      return [
        ['projectsChanged', { kind: 'reset', ids: [], projects: [] }],
        ['tasksChanged', { kind: 'reset', ids: [], tasks: [] }],
      ];
    default:
      return [];
  }
}

/** completedAt as the repository keeps it: set on completion, kept while completed, cleared on reopening. */
function completion(task: Task, before: Task): Task {
  if (task.status !== 'completed') return { ...task, completedAt: null };
  return { ...task, completedAt: before.status === 'completed' ? before.completedAt : task.updatedAt };
}

/**
 * db_search_tasks, simply: every word of `query` begins a word of the task's title, description,
 * tags, checklist items or project names (case and accents ignored); tasks with more of the words
 * in their title first, then in the order they are kept; at most `limit` (50 unless given, 500 at most).
 */
function searchTasks(tasks: readonly Task[], projects: readonly Project[], query: string, limit = 50): Task[] {
  const wanted = wordsOf(query);
  if (wanted.length === 0) return [];
  const begins = (words: readonly string[], word: string) => words.some((w) => w.startsWith(word));
  const projectNames = new Map(projects.map((p) => [p.id, p.name]));
  const ranked = tasks.flatMap((task) => {
    const title = wordsOf(task.title);
    const rest = wordsOf(
      [
        task.description ?? '',
        ...task.tags,
        ...task.checklist.map((item) => item.title),
        ...task.projectIds.map((id) => projectNames.get(id) ?? ''),
      ].join('\n'),
    );
    if (!wanted.every((word) => begins(title, word) || begins(rest, word))) return [];
    return [{ task, inTitle: wanted.filter((word) => begins(title, word)).length }];
  });
  // Array#sort is stable: equal ranks keep the order the tasks are kept in.
  ranked.sort((a, b) => b.inTitle - a.inTitle);
  return ranked.slice(0, Math.min(limit, 500)).map(({ task }) => task);
}

export interface FakeBackend {
  bridge: MockBridge;
  tasks: Task[];
  projects: Project[];
  /** Makes the next call of `command` fail with this envelope error. */
  failNext(command: string, code: Parameters<typeof err>[0], message: string): void;
  /** Makes the next call of `command` wait for the returned function before it is answered (a slow backend). */
  holdNext(command: string): () => void;
  /**
   * Another client's change to task `taskId` (its updatedAt moves on), or its deletion with null,
   * announced as the bridge relays another client's changes (tasksChanged).
   */
  changeElsewhere(taskId: string, patch: Partial<Task> | null): void;
  /**
   * Canned answers of the transfer commands, which tests may change. `exported`: what
   * transfer_export_tasks answers, null as when the save dialog is closed (by default every task
   * and project, to quire.<format>). `preview`: what transfer_preview_import answers, null as when
   * the open dialog is closed; transfer_import then adds that many made-up tasks and projects, as
   * one undoable step.
   */
  transfer: { exported?: TransferSummary | null; preview: ImportPreview | null };
  /** The imports read and neither imported nor discarded yet, by importId. */
  readonly pendingImports: ReadonlyMap<string, ImportPreview>;
  /** Emits a progress report for the latest call of `command` (which must carry a requestId). */
  reportProgress(command: string, progress: ProgressReport): void;
  /**
   * The database commands' state, which tests may change. `current`: what app_get_database
   * answers (the default local file at first), which a successful open replaces. `passwords`:
   * server URLs that want a password, with the one they take (see requirePassword). `chosenFile`:
   * the path the file dialog of app_choose_database_file returns, null as when it is closed.
   * `unopened`: the current database could not be opened for want of its password (see
   * startWithoutPassword); every command that needs it answers unauthenticated until one opens.
   */
  database: { current: DatabaseInfo; passwords: Map<string, string>; chosenFile: string | null; unopened: boolean };
  /**
   * Makes the server at `url` (as app_open_database gets it) want `password`: without it, or with
   * another, app_open_database answers unauthenticated, as libpq's refusal does.
   */
  requirePassword(url: string, password: string): void;
  /**
   * The window started on the server at `url`, which wants `password`, with none given (no
   * ~/.pgpass, no PGPASSWORD): app_get_database names that server, and every command that needs
   * the database (db_*, transfer_*) answers unauthenticated, as the real backend does, until
   * app_open_database opens a database.
   */
  startWithoutPassword(url: string, password: string): void;
}

/** Where the real app keeps its default database on Linux: what app_get_database answers at first. */
export const DEFAULT_DATABASE_PATH = '/home/me/.local/share/Quire/quire.db';

export const defaultDatabase: DatabaseInfo = { engine: 'sqlite', location: DEFAULT_DATABASE_PATH, isDefault: true };

/** libpq's refusal of the server at `url`, as core/server_database.cpp says it. */
const passwordRefused = (url: string, given: boolean) =>
  err(
    'unauthenticated',
    given
      ? `Failed to open the database: cannot open database at ${url}: the server refused the password of me`
      : `Failed to open the database: cannot open database at ${url}: the server asks for the password of me`,
  );

/**
 * The database commands, as the real bridge answers them (app/app_bridge.cpp), less the page being
 * loaded again after an open: app_open_database checks the URL as the backend does, asks for the
 * password of a server `requirePassword` named, and makes what it opened the one app_get_database
 * answers; app_choose_database_file opens `chosenFile`. While the current database is `unopened`,
 * the commands that need it answer unauthenticated (and undefined is left for the others).
 */
function databaseCommands(database: FakeBackend['database']) {
  return (command: string, args: Record<string, unknown>) => {
    switch (command) {
      case 'app_get_database':
        return ok(database.current);
      case 'app_open_database': {
        const url = typeof args.url === 'string' ? args.url : '';
        const password = typeof args.password === 'string' ? args.password : '';
        if (!url) {
          if (password) return err('invalid_argument', 'password: the default database is a file, which has no password');
          database.current = defaultDatabase;
          database.unopened = false;
          return ok(database.current);
        }
        if (!/^postgres(ql)?:\/\//.test(url))
          return err('invalid_argument', `url: '${url}' is not a postgresql:// URL (open a file with Open a file…)`);
        if (/^postgres(ql)?:\/\/[^/@]*:[^/@]*@/.test(url))
          return err('invalid_argument', 'Failed to open the database: a password must not be part of the URL (it would be saved with it)');
        const wanted = database.passwords.get(url);
        if (wanted !== undefined && password !== wanted) return passwordRefused(url, password !== '');
        database.current = { engine: 'postgresql', location: url, isDefault: false };
        database.unopened = false;
        return ok(database.current);
      }
      case 'app_choose_database_file':
        if (database.chosenFile === null) return ok(null);
        database.current = {
          engine: 'sqlite',
          location: database.chosenFile,
          isDefault: database.chosenFile === DEFAULT_DATABASE_PATH,
        };
        database.unopened = false;
        return ok(database.current);
      default:
        // The commands that need the database, while it could not be opened.
        if (database.unopened && /^(db|transfer)_/.test(command)) return passwordRefused(database.current.location, false);
        return undefined;
    }
  };
}

/** A preview of a file that adds two tasks and a project. */
export function makeImportPreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    importId: 'import-1',
    fileName: 'tasks.json',
    format: 'json',
    projects: 1,
    tasks: 2,
    projectsSkipped: 0,
    tasksSkipped: 0,
    notes: [],
    ...overrides,
  };
}

export function fakeBackend(initial: { tasks?: Task[]; projects?: Project[] } = {}): FakeBackend {
  // A call left waiting on the last test's backend would keep its progress panel on screen.
  forgetLongCalls();
  const state = { tasks: [...(initial.tasks ?? [])], projects: [...(initial.projects ?? [])] };
  const failures = new Map<string, ReturnType<typeof err>>();
  const holds = new Map<string, Promise<void>>();
  const transfer: FakeBackend['transfer'] = { preview: makeImportPreview() };
  const database: FakeBackend['database'] = {
    current: defaultDatabase,
    passwords: new Map(),
    chosenFile: '/home/me/Documents/work.db',
    unopened: false,
  };
  const databaseCommand = databaseCommands(database);
  const pendingImports = new Map<string, ImportPreview>();
  // Calls held back (holdNext) and those cancel_request named while they were.
  const heldRequests = new Set<string>();
  const cancelled = new Set<string>();
  let seq = 0;
  const now = () => new Date(Date.UTC(2025, 0, 1, 0, 0, ++seq)).toISOString();
  let writes = 0;
  // The window the call asked for, with the bridge's total and a version that moves with writes;
  // asked in parts, all but the last go ahead as taskListPart events, as the bridge sends them.
  const taskPage = (tasks: Task[], args: Record<string, unknown>) => {
    const { parts, reply } = taskListReply(tasks, args, String(writes));
    const requestId = args.requestId as string;
    for (const part of parts) bridge.emit('taskListPart', { requestId, columns: JSON.stringify(part) });
    return reply;
  };

  // Undo as the journal does it, whole states instead of row images; views load again (reset).
  type Step = { label: string; before: typeof state; after: typeof state };
  const done: Step[] = [];
  const undone: Step[] = [];
  const snapshot = () => ({ tasks: [...state.tasks], projects: [...state.projects] });
  const historyStep = (from: Step[], to: Step[], restore: 'before' | 'after') => {
    const step = from.pop();
    if (!step) return ok(null);
    to.push(step);
    state.tasks = [...step[restore].tasks];
    state.projects = [...step[restore].projects];
    return ok({ label: step.label, undo: done.at(-1)?.label ?? null, redo: undone.at(-1)?.label ?? null });
  };

  const handle = (command: string, args: Record<string, unknown>) => {
    const failure = failures.get(command);
    if (failure) {
      failures.delete(command);
      return failure;
    }
    const databaseReply = databaseCommand(command, args);
    if (databaseReply !== undefined) return databaseReply;
    switch (command) {
      case 'db_get_tasks':
        return ok(taskPage(state.tasks.filter((t) => matchesListQuery(t, args as TaskListQuery)), args));
      case 'db_get_project_tasks':
        return ok(taskPage(state.tasks.filter((t) => t.projectIds.includes(args.projectId as string)), args));
      case 'db_search_tasks':
        return ok(searchTasks(state.tasks, state.projects, args.query as string, args.limit as number | undefined));
      case 'db_get_task':
        return ok(state.tasks.find((t) => t.id === args.taskId) ?? null);
      case 'db_create_task': {
        const stamp = now();
        const task = makeTask({
          ...(args as Partial<Task>),
          id: `new-${seq}`,
          createdAt: stamp,
          updatedAt: stamp,
          completedAt: args.status === 'completed' ? stamp : null,
          // Last in the user's own order, as the repository puts a new task.
          sortKey: generateKeyBetween(state.tasks.map((t) => t.sortKey).filter(Boolean).sort().at(-1) ?? null, null),
        });
        state.tasks.push(task);
        return ok(task);
      }
      case 'db_update_task': {
        const index = state.tasks.findIndex((t) => t.id === args.taskId);
        if (index < 0) return err('not_found', `task ${String(args.taskId)} not found`);
        const { taskId: _id, expectedUpdatedAt, ...patch } = args;
        if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== state.tasks[index]!.updatedAt)
          return changedElsewhere(state.tasks[index]!, 'update task');
        const updated = completion({ ...state.tasks[index]!, ...patch, updatedAt: now() }, state.tasks[index]!);
        state.tasks[index] = updated;
        return ok(updated);
      }
      case 'db_update_tasks': {
        const ids = new Set(args.taskIds as string[]);
        const missing = [...ids].find((id) => !state.tasks.some((t) => t.id === id));
        if (missing !== undefined) return err('not_found', `task ${missing} not found`);
        const { taskIds: _ids, ...patch } = args as unknown as CommandArgs<'db_update_tasks'>;
        const stamp = now();
        state.tasks = state.tasks.map((t) =>
          ids.has(t.id) ? completion({ ...patchedTask(t, patch), updatedAt: stamp }, t) : t,
        );
        return ok(state.tasks.filter((t) => ids.has(t.id)));
      }
      case 'db_move_task': {
        const index = state.tasks.findIndex((t) => t.id === args.taskId);
        if (index < 0) return err('not_found', `task ${String(args.taskId)} not found`);
        if (args.afterTaskId === args.taskId) return err('invalid_argument', 'a task cannot be moved after itself');
        const others = state.tasks.filter((t) => t.id !== args.taskId);
        const after = args.afterTaskId == null ? null : others.find((t) => t.id === args.afterTaskId);
        if (after === undefined) return err('not_found', `task ${String(args.afterTaskId)} not found`);
        const task = state.tasks[index]!;
        const sortKey = keyAfterTask(state.tasks, task.id, after?.id ?? null) ?? task.sortKey;
        const moved = { ...task, sortKey, updatedAt: now() };
        state.tasks[index] = moved;
        return ok(moved);
      }
      case 'db_delete_task': {
        const task = state.tasks.find((t) => t.id === args.taskId);
        if (!task) return err('not_found', `task ${String(args.taskId)} not found`);
        if (args.expectedUpdatedAt !== undefined && args.expectedUpdatedAt !== task.updatedAt) return changedElsewhere(task, 'delete task');
        state.tasks = state.tasks.filter((t) => t.id !== args.taskId);
        return ok(null);
      }
      case 'db_delete_tasks': {
        const ids = new Set(args.taskIds as string[]);
        const missing = [...ids].find((id) => !state.tasks.some((t) => t.id === id));
        if (missing !== undefined) return err('not_found', `task ${missing} not found`);
        state.tasks = state.tasks.filter((t) => !ids.has(t.id));
        return ok(null);
      }
      case 'db_get_projects':
        return ok(state.projects);
      case 'db_create_project': {
        const stamp = now();
        const project = makeProject({
          ...(args as Partial<Project>),
          id: `project-new-${seq}`,
          createdAt: stamp,
          updatedAt: stamp,
        });
        state.projects.push(project);
        return ok(project);
      }
      case 'db_update_project': {
        const index = state.projects.findIndex((p) => p.id === args.projectId);
        if (index < 0) return err('not_found', 'no such project');
        const { projectId: _id, ...patch } = args;
        state.projects[index] = { ...state.projects[index]!, ...patch, updatedAt: now() };
        return ok(state.projects[index]);
      }
      case 'db_delete_project':
        state.projects = state.projects.filter((p) => p.id !== args.projectId);
        state.tasks = state.tasks.map((t) => ({ ...t, projectIds: t.projectIds.filter((id) => id !== args.projectId) }));
        return ok(null);
      case 'ping':
        return ok('pong');
      case 'cancel_request': {
        // Only a held call is still running; any other has been answered already.
        const requestId = args.requestId as string;
        if (!heldRequests.has(requestId)) return ok(false);
        cancelled.add(requestId);
        return ok(true);
      }
      case 'transfer_export_tasks':
        if (transfer.exported !== undefined) return ok(transfer.exported);
        return ok({
          fileName: `quire.${args.format as FileFormat}`,
          projects: state.projects.length,
          tasks: state.tasks.length,
          projectsSkipped: 0,
          tasksSkipped: 0,
        } satisfies TransferSummary);
      case 'transfer_preview_import':
        if (transfer.preview) pendingImports.set(transfer.preview.importId, transfer.preview);
        return ok(transfer.preview);
      case 'transfer_import': {
        const preview = pendingImports.get(args.importId as string);
        if (!preview) return err('not_found', `no import ${String(args.importId)}`);
        pendingImports.delete(preview.importId);
        const stamp = now();
        for (let i = 1; i <= preview.projects; i += 1)
          state.projects.push(makeProject({ id: `${preview.importId}-p${i}`, createdAt: stamp, updatedAt: stamp }));
        for (let i = 1; i <= preview.tasks; i += 1)
          state.tasks.push(makeTask({ id: `${preview.importId}-t${i}`, title: `Imported ${i}`, createdAt: stamp, updatedAt: stamp }));
        const { importId: _id, format: _format, notes: _notes, ...summary } = preview;
        return ok(summary satisfies TransferSummary);
      }
      case 'transfer_discard_import':
        pendingImports.delete(args.importId as string);
        return ok(null);
      case 'db_undo':
        return historyStep(done, undone, 'before');
      case 'db_redo':
        return historyStep(undone, done, 'after');
      case 'db_get_history':
        return ok({ undo: done.at(-1)?.label ?? null, redo: undone.at(-1)?.label ?? null });
      default:
        return err('invalid_argument', `unknown command ${command}`);
    }
  };

  const bridge: MockBridge = mockBridge((command, args) => {
    const hold = holds.get(command);
    if (hold) {
      holds.delete(command);
      const requestId = typeof args.requestId === 'string' ? args.requestId : undefined;
      if (requestId !== undefined) heldRequests.add(requestId);
      return hold.then(() => {
        if (requestId !== undefined) heldRequests.delete(requestId);
        // Stopped while held: it answers 'cancelled' having changed nothing, as the bridge does.
        if (requestId !== undefined && cancelled.delete(requestId)) return err('cancelled', 'Cancelled');
        return answer(command, args);
      });
    }
    return answer(command, args);
  });
  const answer = (command: string, args: Record<string, unknown>) => {
    const before = snapshot();
    const reply = handle(command, args);
    if (!('data' in reply)) return reply;
    const changes = changesAfter(command, args, reply.data);
    if (changes.length > 0) {
      writes += 1;
      done.push({ label: command, before, after: snapshot() });
      undone.length = 0;
    }
    if ((command === 'db_undo' || command === 'db_redo') && reply.data !== null) {
      writes += 1;
      changes.push(['tasksChanged', { kind: 'reset', ids: [], tasks: [] }]);
      changes.push(['projectsChanged', { kind: 'reset', ids: [], projects: [] }]);
    }
    queueMicrotask(() => changes.forEach(([event, payload]) => bridge.emit(event, payload)));
    return reply;
  };

  return {
    bridge,
    get tasks() {
      return state.tasks;
    },
    get projects() {
      return state.projects;
    },
    failNext: (command, code, message) => failures.set(command, err(code, message)),
    transfer,
    pendingImports,
    database,
    requirePassword: (url, password) => database.passwords.set(url, password),
    startWithoutPassword: (url, password) => {
      database.passwords.set(url, password);
      database.current = { engine: 'postgresql', location: url, isDefault: false };
      database.unopened = true;
    },
    reportProgress: (command, progress) => {
      const requestId = bridge.calls.filter((c) => c.command === command).at(-1)?.requestId;
      if (requestId === undefined) throw new Error(`no call of ${command} with a requestId to report progress for`);
      bridge.emit('progress', { requestId, ...progress });
    },
    changeElsewhere: (taskId, patch) => {
      const index = state.tasks.findIndex((t) => t.id === taskId);
      if (index < 0) throw new Error(`no task ${taskId} to change`);
      if (patch === null) {
        state.tasks.splice(index, 1);
        bridge.emit('tasksChanged', tasksChanged('deleted', [], [taskId]));
        return;
      }
      const changed = { ...state.tasks[index]!, ...patch, updatedAt: now() };
      state.tasks[index] = changed;
      bridge.emit('tasksChanged', tasksChanged('upserted', [changed]));
    },
    holdNext: (command) => {
      let release: () => void = () => {};
      holds.set(command, new Promise<void>((resolve) => (release = resolve)));
      return () => release();
    },
  };
}

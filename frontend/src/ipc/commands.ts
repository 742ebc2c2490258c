// SPDX-License-Identifier: MIT
// One typed function per backend command (tauri-specta style). Argument
// objects are typed by CommandArgs<>, derived from the contract table.
import type {
  CommandArgs,
  CommandName,
  Complexity,
  Priority,
  Project,
  Status,
  Task,
  TaskType,
} from '@/ipc/contract';
import { invoke, type InvokeOptions } from '@/ipc/invoke';

/** Drops keys whose value is undefined: an absent key means "not given" / "leave unchanged". */
function defined<T extends object>(args: T): T {
  return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined)) as T;
}

/** Fields of db_update_task besides taskId: absent = unchanged, null = clear (where allowed). */
export type TaskPatch = Omit<CommandArgs<'db_update_task'>, 'taskId'>;
/** Fields of db_update_project besides projectId. */
export type ProjectPatch = Omit<CommandArgs<'db_update_project'>, 'projectId'>;

export function invokeDbGetTasks(projectIds?: string[], options?: InvokeOptions): Promise<Task[]> {
  return invoke('db_get_tasks', defined({ projectIds }), options);
}

export function invokeDbGetProjectTasks(projectId: string, options?: InvokeOptions): Promise<Task[]> {
  return invoke('db_get_project_tasks', { projectId }, options);
}

export function invokeDbGetTask(taskId: string, options?: InvokeOptions): Promise<Task | null> {
  return invoke('db_get_task', { taskId }, options);
}

export function invokeDbCreateTask(
  title: string,
  description: string | null | undefined,
  priority: Priority,
  tags: string[],
  projectIds: string[],
  status?: Status | null,
  complexity?: Complexity | null,
  type?: TaskType | null,
  options?: InvokeOptions,
): Promise<Task> {
  // On create null and absent both mean "not given"; send absent.
  const args: CommandArgs<'db_create_task'> = defined({
    title,
    description: description ?? undefined,
    priority,
    tags,
    projectIds,
    status: status ?? undefined,
    complexity: complexity ?? undefined,
    type: type ?? undefined,
  });
  return invoke('db_create_task', args, options);
}

export function invokeDbUpdateTask(taskId: string, patch: TaskPatch, options?: InvokeOptions): Promise<Task> {
  return invoke('db_update_task', defined({ ...patch, taskId }), options);
}

export function invokeDbDeleteTask(taskId: string, options?: InvokeOptions): Promise<null> {
  return invoke('db_delete_task', { taskId }, options);
}

export function invokeDbGetProjects(options?: InvokeOptions): Promise<Project[]> {
  return invoke('db_get_projects', {}, options);
}

export function invokeDbCreateProject(
  name: string,
  description?: string | null,
  options?: InvokeOptions,
): Promise<Project> {
  return invoke('db_create_project', defined({ name, description: description ?? undefined }), options);
}

export function invokeDbUpdateProject(
  projectId: string,
  patch: ProjectPatch,
  options?: InvokeOptions,
): Promise<Project> {
  return invoke('db_update_project', defined({ ...patch, projectId }), options);
}

export function invokeDbDeleteProject(projectId: string, options?: InvokeOptions): Promise<null> {
  return invoke('db_delete_project', { projectId }, options);
}

export function invokePing(options?: InvokeOptions): Promise<string> {
  return invoke('ping', {}, options);
}

/** Every command's wrapper, keyed by command name; tsc rejects a missing or extra one. */
export const commands = {
  db_get_tasks: invokeDbGetTasks,
  db_get_project_tasks: invokeDbGetProjectTasks,
  db_get_task: invokeDbGetTask,
  db_create_task: invokeDbCreateTask,
  db_update_task: invokeDbUpdateTask,
  db_delete_task: invokeDbDeleteTask,
  db_get_projects: invokeDbGetProjects,
  db_create_project: invokeDbCreateProject,
  db_update_project: invokeDbUpdateProject,
  db_delete_project: invokeDbDeleteProject,
  ping: invokePing,
} as const satisfies Record<CommandName, (...args: never[]) => Promise<unknown>>;

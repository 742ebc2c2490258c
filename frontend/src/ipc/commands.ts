// SPDX-License-Identifier: MIT
// One typed function per backend command, generated from the contract (src/ipc/generated/commands.ts):
// `invokeDbCreateTask({ title, priority, tags, projectIds }, options)`. Absent keys and keys whose
// null means "not given" are left out of the call by invoke().
import type { DbUpdateProjectArgs, DbUpdateTaskArgs } from '@/ipc/generated/contract';

export * from '@/ipc/generated/commands';

/** Fields of db_update_task besides taskId and its guard: absent = unchanged, null = clear (where allowed). */
export type TaskPatch = Omit<DbUpdateTaskArgs, 'taskId' | 'expectedUpdatedAt'>;
/** Fields of db_update_project besides projectId. */
export type ProjectPatch = Omit<DbUpdateProjectArgs, 'projectId'>;

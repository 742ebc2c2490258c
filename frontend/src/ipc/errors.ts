// SPDX-License-Identifier: MIT
// Errors of the IPC layer. The envelope's codes come from the contract (resources/ipc-contract.json).
import { errorCodes, type ErrorCode } from '@/ipc/generated/contract';

export { errorCodes };
export type IpcErrorCode = ErrorCode;

export function isIpcErrorCode(value: unknown): value is IpcErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/** A failure reported by the backend (envelope with ok=false) or by the transport. */
export class IpcError extends Error {
  override readonly name = 'IpcError';
  readonly code: IpcErrorCode;
  readonly command: string;

  constructor(code: IpcErrorCode, message: string, command: string) {
    super(message);
    this.code = code;
    this.command = command;
  }
}

/** The backend did not answer in time; QWebChannel itself would wait forever. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly command: string;
  readonly timeoutMs: number;
  /** True when the command was cancelled in the backend too: it will not happen late. */
  readonly calledOff: boolean;

  constructor(command: string, timeoutMs: number, calledOff = false) {
    super(`Command '${command}' timed out after ${timeoutMs}ms`);
    this.command = command;
    this.timeoutMs = timeoutMs;
    this.calledOff = calledOff;
  }
}

/** True for a call given up on purpose (its AbortSignal): not a failure to tell anyone about. */
export function isCancellation(error: unknown): boolean {
  return error instanceof IpcError && error.code === 'cancelled';
}

/** The reason part of "<what we were doing>: <reason>". */
export function errorReason(error: unknown): string {
  if (error instanceof TimeoutError) {
    // A person needs to know the change is unconfirmed, not the timer's internals.
    const seconds = Math.round(error.timeoutMs / 100) / 10;
    const outcome = error.calledOff ? 'it was called off' : 'the list refreshes once it does';
    return `Quire did not answer within ${seconds} s (${error.command} timed out); ${outcome}`;
  }
  if (error instanceof IpcError) return error.message;
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string' && error) return error;
  return 'unknown error';
}

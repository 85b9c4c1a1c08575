import os from "node:os";

/**
 * What stopped a run, as `--json` reports it in `code`: a script branches on these, a person reads the message.
 * INVALID_OPTIONS: a flag, value, name or item was refused. TARGET_NOT_EMPTY: the directory holds files (no --force).
 * UNWRITABLE: the directory cannot be made or written. PACKAGE_MANAGER_MISSING: the package manager is not on the
 * PATH. DATABASE_UNAVAILABLE: the PostgreSQL server cannot be reached, refuses the login, or the database cannot be
 * made. STEP_FAILED: install or migrations failed. CONFLICT: add found edits it cannot merge. CANCELLED: Ctrl-C or a
 * cancelled prompt. FAILED: anything else the user can act on. INTERNAL: a bug in the CLI.
 */
export type ErrorCode =
  | "INVALID_OPTIONS"
  | "TARGET_NOT_EMPTY"
  | "UNWRITABLE"
  | "PACKAGE_MANAGER_MISSING"
  | "DATABASE_UNAVAILABLE"
  | "STEP_FAILED"
  | "PENDING"
  | "DIRTY_TREE"
  | "NOTHING_TO_CONTINUE"
  | "CONFLICT"
  | "CANCELLED"
  | "FAILED"
  | "INTERNAL";

/** The exit code of a run stopped by `signal`, as a shell reports it: 130 for SIGINT (Ctrl-C), 143 for SIGTERM. */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + os.constants.signals[signal];
}

/**
 * An error the user can act on: printed as it is, without a stack trace, with exit code 1 (or the one given); under
 * --json, `{ ok: false, code, message, ...details }`. An exit code of a Ctrl-C is CANCELLED unless a code is given.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    readonly code: ErrorCode = exitCode === signalExitCode("SIGINT") ? "CANCELLED" : "FAILED",
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** A CliError of the given code with exit code 1: a refusal before or instead of the work. */
export function refusal(code: ErrorCode, message: string, details: Record<string, unknown> = {}): CliError {
  return new CliError(message, 1, code, details);
}

/** The one JSON object a failed run prints on stdout under --json. */
export function failureResult(code: ErrorCode, message: string, details: Readonly<Record<string, unknown>> = {}) {
  return { ok: false as const, code, message, ...details };
}

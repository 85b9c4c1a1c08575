import { signalExitCode } from "./errors.js";

/** Ctrl-C (SIGINT) or a kill (SIGTERM) while the CLI works: an abort the running work reacts to. */
export interface InterruptWatch {
  /** Aborted, with the signal's name as its reason, once a signal came. */
  signal: AbortSignal;
  /** The exit code the run ends with once interrupted: 130 for Ctrl-C, 143 for SIGTERM. */
  exitCode(): number;
  /** Gives the signals back to Node's default (exit at once). */
  stop(): void;
}

const SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * Catches SIGINT and SIGTERM until stopped, so that the CLI does not die on the spot: the running command's process
 * tree is stopped, a half-written project is rolled back, and the user is told where the project is and how to finish.
 */
export function watchInterrupts(): InterruptWatch {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => controller.abort(name);
  for (const name of SIGNALS) process.on(name, onSignal);
  return {
    signal: controller.signal,
    exitCode: () => signalExitCode(controller.signal.reason as NodeJS.Signals),
    stop: () => {
      for (const name of SIGNALS) process.off(name, onSignal);
    },
  };
}

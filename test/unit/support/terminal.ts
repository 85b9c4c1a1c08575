import { existsSync } from "node:fs";
import { stripVTControlCharacters } from "node:util";
import { execa } from "execa";
import { BIN, cliEnv } from "./cli.js";

/** util-linux `script` gives the CLI a pseudo-terminal, so stdin and stdout are TTYs as on a developer's machine. */
const SCRIPT = "/usr/bin/script";
export const hasTerminal = existsSync(SCRIPT);

/** What a user types: the keys clack reads. */
export const keys = {
  enter: "\r",
  up: "\x1b[A",
  down: "\x1b[B",
  ctrlC: "\x03",
  escape: "\x1b",
  /** Clears the line being typed. */
  ctrlU: "\x15",
} as const;

export interface TerminalResult {
  exitCode: number | undefined;
  timedOut: boolean;
  /** Everything the CLI showed, without escape codes. */
  screen: string;
}

export interface Terminal {
  /**
   * Waits until `text` shows on the screen after whatever the previous waits matched, then types `typed` if given.
   * Fails with the screen so far when the text does not show within `timeout` ms.
   */
  expect(text: string, typed?: string, timeout?: number): Promise<void>;
  /** Everything shown so far, without escape codes. */
  screen(): string;
  finished: Promise<TerminalResult>;
  /** Ends the CLI (a test that failed half-way must not leave it waiting for keys). */
  stop(): void;
}

/**
 * Starts the built CLI on a pseudo-terminal, to be driven like a user at a keyboard. A pseudo-terminal made by
 * `script` from a pipe has no size: it gets one, or prompts would wrap at every character.
 */
export function runOnTerminal(
  args: string[],
  { cwd, env = {}, timeout = 30_000 }: { cwd: string; env?: Record<string, string | undefined>; timeout?: number },
): Terminal {
  const command = [process.execPath, BIN, ...args].map((part) => `'${part.replaceAll("'", `'\\''`)}'`).join(" ");
  const child = execa(SCRIPT, ["-qfec", `stty cols 120 rows 40; exec ${command}`, "/dev/null"], {
    cwd,
    env: cliEnv(env),
    extendEnv: false,
    stdin: "pipe",
    timeout,
    reject: false,
  });
  let raw = "";
  let position = 0;
  let onOutput = () => {};
  const screen = () => stripVTControlCharacters(raw);
  child.stdout?.on("data", (chunk: Buffer) => {
    raw += chunk.toString();
    onOutput();
  });
  const finished = child.then((result) => ({ exitCode: result.exitCode, timedOut: result.timedOut, screen: screen() }));

  return {
    finished,
    screen,
    expect(text, typed, wait = 10_000) {
      return new Promise<void>((resolve, reject) => {
        let settled = false;
        const settle = (error?: Error) => {
          if (settled) return;
          settled = true;
          onOutput = () => {};
          clearTimeout(timer);
          if (error) reject(error);
          else resolve();
        };
        const check = () => {
          const found = settled ? -1 : screen().indexOf(text, position);
          if (found === -1) return;
          position = found + text.length;
          if (typed !== undefined) child.stdin?.write(typed);
          settle();
        };
        const failure = (what: string) => new Error(`${what}. The screen after the last match:\n${screen().slice(position)}`);
        const timer = setTimeout(() => settle(failure(`"${text}" did not show within ${wait} ms`)), wait);
        onOutput = check;
        check();
        void finished.then(() => {
          check();
          settle(failure(`The CLI ended before "${text}" showed`));
        });
      });
    },
    stop: () => {
      child.kill();
    },
  };
}

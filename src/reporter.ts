import pc from "picocolors";
import { CliError } from "./errors.js";
import { StepError } from "./steps.js";

/** How the CLI talks while it works: a spinner on a terminal, plain lines elsewhere, only stderr under --json. */
export interface Reporter {
  info(message: string): void;
  warn(message: string): void;
  task<T>(title: string, run: () => Promise<T>): Promise<T>;
}

export function createReporter({ spinner, json }: { spinner: boolean; json: boolean }): Reporter {
  const out = json ? process.stderr : process.stdout;
  const write = (line: string) => out.write(`${line}\n`);
  /** Without a spinner: a line when the task starts, another when it ends. */
  const startLine = (title: string) => {
    write(`${pc.cyan("◇")} ${title}…`);
    return write;
  };
  return {
    info: (message) => write(message),
    warn: (message) => write(pc.yellow(`! ${message}`)),
    async task(title, run) {
      const started = performance.now();
      const elapsed = () => pc.dim(`${((performance.now() - started) / 1000).toFixed(1)}s`);
      const stop = spinner ? spin(out, title) : startLine(title);
      try {
        const result = await run();
        stop(`${pc.green("✔")} ${title} ${elapsed()}`);
        return result;
      } catch (error) {
        stop(`${pc.red("✖")} ${title} ${isInterruption(error) ? "interrupted" : "failed"} ${elapsed()}`);
        throw error;
      }
    },
  };
}

/** A task stopped by Ctrl-C (a step, or the write) rather than failed. */
function isInterruption(error: unknown): boolean {
  return error instanceof StepError ? error.interrupted : error instanceof CliError && error.code === "CANCELLED";
}

const FRAMES = ["◒", "◐", "◓", "◑"];

/**
 * Animates `title` on one terminal line until the returned function replaces it with a final line. It never takes
 * the terminal's input (no raw mode), so Ctrl-C stays a SIGINT the CLI handles: it stops the running command's whole
 * process tree and says how to finish, where a raw-mode spinner would exit on the keypress and orphan the command.
 */
function spin(out: NodeJS.WriteStream, title: string): (line: string) => void {
  let frame = 0;
  const draw = () => out.write(`\r\x1b[2K${pc.magenta(FRAMES[frame++ % FRAMES.length]!)} ${title}`);
  out.write("\x1b[?25l");
  draw();
  const timer = setInterval(draw, 120);
  return (line) => {
    clearInterval(timer);
    out.write(`\r\x1b[2K${line}\n\x1b[?25h`);
  };
}

/** Prints a result under --json: the one object stdout carries. */
export function printJson(result: object): void {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

/**
 * A reader that goes away early (`create-craftjs … | head -1`) ends the CLI's output, not its work: the write error
 * (EPIPE) is dropped instead of crashing the run, and the exit code stays the work's.
 */
export function tolerateClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
    });
  }
}

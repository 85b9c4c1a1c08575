import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, cliEnv, ensureBuilt } from "./support/cli.js";
import { useTempDirs } from "./support/temp.js";
import { exists } from "./support/tree.js";

const tempDir = useTempDirs("craftjs-tty-");

beforeAll(ensureBuilt, 120_000);

/** util-linux `script` gives the CLI a pseudo-terminal, so stdin and stdout are TTYs as on a developer's machine. */
const SCRIPT = "/usr/bin/script";
const hasScript = existsSync(SCRIPT);

/**
 * Starts the CLI on a pseudo-terminal. When `answer` is given, it is typed once `prompt` shows on the screen.
 * A pseudo-terminal made by `script` from a pipe has no size: give it one, or prompts wrap at every character.
 */
function runOnTerminal(
  args: string[],
  { cwd, env = {}, prompt, answer }: { cwd: string; env?: Record<string, string | undefined>; prompt?: string; answer?: string },
) {
  const command = [`"${process.execPath}"`, `"${BIN}"`, ...args.map((arg) => `"${arg}"`)].join(" ");
  const child = execa(SCRIPT, ["-qfec", `stty cols 120 rows 40; exec ${command}`, "/dev/null"], {
    cwd,
    env: cliEnv(env),
    extendEnv: false,
    stdin: "pipe",
    timeout: 20_000,
    reject: false,
  });
  let screen = "";
  let answered = false;
  child.stdout?.on("data", (chunk: Buffer) => {
    screen += chunk.toString();
    if (prompt && answer !== undefined && !answered && stripVTControlCharacters(screen).includes(prompt)) {
      answered = true;
      child.stdin?.write(answer);
    }
  });
  return {
    finished: child.then((result) => ({
      exitCode: result.exitCode,
      timedOut: result.timedOut,
      screen: stripVTControlCharacters(screen),
      answered,
    })),
  };
}

describe.skipIf(!hasScript)("on a terminal (needs /usr/bin/script)", () => {
  it("exits 130 and writes nothing when the first prompt is cancelled with Ctrl-C", async () => {
    const cwd = await tempDir();
    const run = runOnTerminal([], { cwd, prompt: "Where should the app go?", answer: "\x03" });

    const result = await run.finished;

    expect(result.answered, `the prompt never appeared:\n${result.screen}`).toBe(true);
    expect(result.timedOut).toBe(false);
    expect(result.exitCode).toBe(130);
    expect(result.screen).toContain("nothing was written");
    expect(await readdir(cwd)).toEqual([]);
  });

  it.each([
    ["CI is set", { CI: "true" }, []],
    ["--yes is given", {}, ["--yes"]],
  ])("never prompts when %s: it takes the defaults and writes the app", async (_label, env, flags) => {
    const cwd = await tempDir();
    const run = runOnTerminal(["app", "--no-install", "--no-git", ...flags], { cwd, env });

    const result = await run.finished;

    expect(result.timedOut, result.screen).toBe(false);
    expect(result.exitCode, result.screen).toBe(0);
    expect(result.screen).not.toMatch(/Which database\?/);
    expect(result.screen).toMatch(/--db sqlite \(default\)/);
    expect(await exists(path.join(cwd, "app", "craftjs.json"))).toBe(true);
  });
});

import type { Reporter } from "./reporter.js";

export type GitOutcome = "committed" | "skipped" | "failed";

const FIRST_COMMIT_MESSAGE = "Initial commit from create-craftjs";
const FIRST_COMMIT: string[][] = [["init", "--quiet"], ["add", "-A"], ["commit", "--quiet", "-m", FIRST_COMMIT_MESSAGE]];

/** The git step as one line to type: what --dry-run lists and what finishing by hand runs. */
export const FIRST_COMMIT_COMMAND = `git init && git add -A && git commit -m "${FIRST_COMMIT_MESSAGE}"`;

async function gitIn(cwd: string) {
  const { execa } = await import("execa");
  return (...args: string[]) => execa("git", args, { cwd, reject: false, stdin: "ignore" });
}

/**
 * Why the git step would not run in `cwd` (git missing, already inside a repository, no identity to commit as), or
 * undefined when it would.
 */
export async function gitSkipReason(cwd: string): Promise<{ reason: string; warn: boolean } | undefined> {
  const git = await gitIn(cwd);
  const inside = await git("rev-parse", "--is-inside-work-tree");
  if (inside.failed && inside.code === "ENOENT") return { reason: "git is not installed: skipped the repository.", warn: true };
  if (!inside.failed && inside.stdout.trim() === "true") {
    return { reason: "Inside an existing git repository: skipped git init.", warn: false };
  }
  const identity = await git("config", "user.email");
  if (identity.failed || !identity.stdout.trim()) {
    return { reason: "No git identity (git config user.email): skipped git init.", warn: false };
  }
  return undefined;
}

/** git init + a first commit; skipped inside an existing repository or without a git identity, never fatal. */
export async function initRepository(cwd: string, reporter: Reporter): Promise<GitOutcome> {
  const skip = await gitSkipReason(cwd);
  if (skip) {
    if (skip.warn) reporter.warn(skip.reason);
    else reporter.info(skip.reason);
    return "skipped";
  }
  const git = await gitIn(cwd);
  try {
    return await reporter.task("Creating a git repository", async () => {
      for (const args of FIRST_COMMIT) {
        const result = await git(...args);
        if (result.failed) throw new Error(`git ${args[0]}: ${result.stderr.trim() || result.shortMessage}`);
      }
      return "committed" as const;
    });
  } catch (error) {
    reporter.warn(`${(error as Error).message}. The project is complete; only its repository was not made.`);
    return "failed";
  }
}

import type { Reporter } from "./reporter.js";

export type GitOutcome = "committed" | "skipped" | "failed";

/** git init + a first commit; skipped inside an existing repository or without a git identity, never fatal. */
export async function initRepository(cwd: string, reporter: Reporter): Promise<GitOutcome> {
  const { execa } = await import("execa");
  const git = (...args: string[]) => execa("git", args, { cwd, reject: false, stdin: "ignore" });
  const inside = await git("rev-parse", "--is-inside-work-tree");
  if (inside.failed && inside.code === "ENOENT") {
    reporter.warn("git is not installed: skipped the repository.");
    return "skipped";
  }
  if (!inside.failed && inside.stdout.trim() === "true") {
    reporter.info("Inside an existing git repository: skipped git init.");
    return "skipped";
  }
  const identity = await git("config", "user.email");
  if (identity.failed || !identity.stdout.trim()) {
    reporter.info("No git identity (git config user.email): skipped git init.");
    return "skipped";
  }
  try {
    return await reporter.task("Creating a git repository", async () => {
      for (const args of [["init", "--quiet"], ["add", "-A"], ["commit", "--quiet", "-m", "Initial commit from create-craftjs"]]) {
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

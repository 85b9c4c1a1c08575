import { hashContent } from "../manifest.js";

/** How many past versions of a file are read from git before giving up. */
const MAX_VERSIONS = 50;

/**
 * The version of a file whose hash is `hash` (the content the CLI wrote), from the project's git history: the first
 * commit after create-craftjs has it. Undefined outside a repository or when no committed version matches.
 */
export async function findCommittedVersion(root: string, file: string, hash: string): Promise<string | undefined> {
  const { execa } = await import("execa");
  const git = (...args: string[]) => execa("git", args, { cwd: root, reject: false, stdin: "ignore", stripFinalNewline: false });
  const log = await git("log", "--all", `--max-count=${MAX_VERSIONS}`, "--format=%H", "--", file);
  if (log.failed) return undefined;
  for (const commit of log.stdout.split("\n").filter(Boolean)) {
    const shown = await git("show", `${commit}:./${file}`);
    if (!shown.failed && hashContent(shown.stdout) === hash) return shown.stdout;
  }
  return undefined;
}

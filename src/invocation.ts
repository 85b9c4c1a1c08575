import path from "node:path";

/** The command the descriptors' next steps name this CLI by: the published package, as npx runs it. */
const PUBLISHED = "npx create-craftjs";

/**
 * How a person runs this CLI again from `directory` (the new project): the published command when this run came from
 * an installed package (npx, or a dependency's bin), else this clone's own script, `node <path from there>`, since a
 * clone is not what npx would fetch.
 */
export function cliCommand(directory: string, script = process.argv[1] ?? ""): string {
  if (script === "" || script.split(path.sep).includes("node_modules")) return PUBLISHED;
  return `node ${path.relative(directory, script)}`;
}

/** A next step as this run should say it: its CLI command the way this CLI was started. */
export function asStarted(line: string, directory: string): string {
  return line.replaceAll(PUBLISHED, cliCommand(directory));
}

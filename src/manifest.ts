import { createHash } from "node:crypto";
import { z } from "zod";
import { type Choices, choiceAsFlag, choicesSchema, choiceKeys } from "./options.js";
import { CLI_VERSION } from "./version.js";

export const MANIFEST_FILE = "craftjs.json";

/** Files whose content is the user's own from the start: never hashed, so nothing of a secret leaves .env. */
const UNTRACKED = new Set([".env"]);

export const manifestSchema = z.object({
  cliVersion: z.string(),
  /** The command that reproduces this project. */
  command: z.string(),
  choices: choicesSchema,
  /** sha256 of every file the CLI wrote, by path. */
  files: z.record(z.string(), z.string().regex(/^sha256-[0-9a-f]{64}$/)),
});

export type Manifest = z.output<typeof manifestSchema>;

export function hashContent(content: string): string {
  return `sha256-${createHash("sha256").update(content).digest("hex")}`;
}

export function reproduceCommand(name: string, choices: Choices): string {
  const flags = choiceKeys.flatMap((key) => (choices[key] === undefined ? [] : [choiceAsFlag(key, choices[key])]));
  return ["create-craftjs", name, ...flags].join(" ");
}

export function buildManifest(name: string, choices: Choices, files: { path: string; content: string }[]): Manifest {
  const hashes = Object.fromEntries(
    files
      .filter((file) => !UNTRACKED.has(file.path))
      .sort((a, b) => a.path.localeCompare(b.path))
      .map((file) => [file.path, hashContent(file.content)]),
  );
  return manifestSchema.parse({ cliVersion: CLI_VERSION, command: reproduceCommand(name, choices), choices, files: hashes });
}

import { createHash } from "node:crypto";
import { z } from "zod";
import { type Choices, choiceAsFlag, choicesSchema, choiceKeys } from "./options.js";
import { CLI_VERSION } from "./version.js";

export const MANIFEST_FILE = "craftjs.json";

/** The manifest format this CLI writes; older ones are upgraded when read. */
export const MANIFEST_VERSION = 2;

/**
 * How the CLI treats a file it wrote. `owned`: written whole by one item. `aggregate`: rendered from every chosen
 * item (the auth plugins, the schema index, the env module, the README). `merged`: package.json and the env files,
 * whose keys `add` merges in and never rewrites.
 */
export const fileKinds = ["owned", "aggregate", "merged"] as const;
export type FileKind = (typeof fileKinds)[number];

/** Files whose content is the user's own from the start: never hashed, so nothing of a secret leaves .env. */
const UNHASHED = new Set([".env"]);

const hash = z.string().regex(/^sha256-[0-9a-f]{64}$/);

const fileEntrySchema = z.object({
  owner: z.string().min(1),
  kind: z.enum(fileKinds),
  /** sha256 of the content the CLI wrote; absent for .env. */
  hash: hash.optional(),
});

export type FileEntry = z.output<typeof fileEntrySchema>;

/**
 * The choices of a manifest written before this CLI had email (0.1.0 and 0.2.0): their apps sent none, which is
 * closest to `console` (nothing leaves the machine).
 */
function withEmailDefault(choices: unknown): unknown {
  return typeof choices === "object" && choices !== null ? { email: "console", ...choices } : choices;
}

export const manifestSchema = z.object({
  manifestVersion: z.literal(MANIFEST_VERSION),
  cliVersion: z.string(),
  /** The project's name, as package.json had it when the CLI made the project. */
  name: z.string().min(1),
  /** The command that reproduces this project. */
  command: z.string(),
  choices: z.preprocess(withEmailDefault, choicesSchema),
  /** Every file the CLI wrote, by path: who owns it, how it is kept up to date, and its hash. */
  files: z.record(z.string(), fileEntrySchema),
  /** The last updates `create-craftjs update` made, oldest first. */
  updates: z.array(z.object({ from: z.string(), to: z.string(), at: z.string() })).optional(),
});

/** How many past updates a manifest keeps. */
export const UPDATE_HISTORY = 10;

export type Manifest = z.output<typeof manifestSchema>;

/** The manifest create-craftjs 0.1.0 wrote: one hash per file, no owners, and no payments or storage (it had neither). */
export const legacyManifestSchema = z.object({
  cliVersion: z.string(),
  command: z.string(),
  choices: z.preprocess(
    (choices) => withEmailDefault({ payments: "none", storage: "none", ...(choices as object) }),
    choicesSchema,
  ),
  files: z.record(z.string(), hash),
});

export type LegacyManifest = z.output<typeof legacyManifestSchema>;

export function hashContent(content: string): string {
  return `sha256-${createHash("sha256").update(content).digest("hex")}`;
}

export function reproduceCommand(name: string, choices: Choices): string {
  const flags = choiceKeys.flatMap((key) => (choices[key] === undefined ? [] : [choiceAsFlag(key, choices[key])]));
  return ["create-craftjs", name, ...flags].join(" ");
}

export function buildManifest(
  name: string,
  choices: Choices,
  files: readonly { path: string; content: string; owner: string; kind: FileKind }[],
  cliVersion = CLI_VERSION,
): Manifest {
  const entries = [...files]
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((file) => {
      const entry: FileEntry = { owner: file.owner, kind: file.kind };
      if (!UNHASHED.has(file.path)) entry.hash = hashContent(file.content);
      return [file.path, entry] as const;
    });
  // Made to the schema's type, not parsed by it: a new project's few hundred entries through zod took 20 ms.
  return {
    manifestVersion: MANIFEST_VERSION,
    cliVersion,
    name,
    command: reproduceCommand(name, choices),
    choices,
    files: Object.fromEntries(entries),
  };
}

/**
 * A 0.1.0 manifest in today's format. Each file's owner and kind come from `classify` (today's render of the same
 * choices); a file today's CLI no longer writes stays the core's, owned. The name is the one its command recorded.
 */
export function upgradeManifest(
  legacy: LegacyManifest,
  classify: (path: string) => { owner: string; kind: FileKind } | undefined,
): Manifest {
  const name = legacy.command.split(" ")[1] ?? "app";
  const files: Record<string, FileEntry> = {};
  for (const [path, fileHash] of Object.entries(legacy.files)) {
    files[path] = { ...(classify(path) ?? { owner: "core", kind: "owned" }), hash: fileHash };
  }
  files[".env"] ??= { owner: "core", kind: "merged" };
  return manifestSchema.parse({ ...legacy, manifestVersion: MANIFEST_VERSION, name, files });
}

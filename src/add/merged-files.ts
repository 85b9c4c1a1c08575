import path from "node:path";
import { CliError } from "../errors.js";
import { hashContent, type Manifest } from "../manifest.js";
import type { Choices } from "../options.js";
import type { Rendering } from "../plan.js";
import { findCommittedVersion } from "./history.js";
import {
  appendEnv,
  appendEnvExample,
  type DependencyChanges,
  dropFromEnvExample,
  mergePackageJson,
  retireFromEnv,
} from "./merge.js";

/** What a merge of this version's contributions into one of the user's merged files needs to know. */
export interface MergeContext {
  root: string;
  manifest: Manifest;
  /** An update, or an add to a project another CLI version made. */
  upgrading: boolean;
  /** The file as the previous choices render it today. */
  previous: string | undefined;
  next: Rendering;
  choices: Choices;
  /** The variables only the replaced providers read. */
  retiredEnv: readonly string[];
  /** The command, for the comment beside a variable it retires in .env. */
  why: string;
}

/** A merged file's new content (undefined: left absent, for `reason`), and what the merge changed, for the summary. */
export interface MergeOutcome {
  content: string | undefined;
  reason?: string;
  dependencies?: DependencyChanges;
  scriptsAdded?: string[];
  env?: { example?: string[]; dotenv?: string[]; retired?: string[]; commentedOut?: string[] };
}

type Merge = (yours: string, context: MergeContext) => Promise<MergeOutcome>;

/**
 * The files the CLI merges into rather than owns ("merged" in craftjs.json), each with how this version's
 * contributions go into the user's copy, and what an absent copy becomes.
 */
const MERGED_FILES: Record<string, { merge: Merge; absent: (rendered: string) => MergeOutcome }> = {
  // Dependencies and scripts: the user's ranges kept, the CLI's pins moved where the user left them.
  "package.json": {
    async merge(yours, context) {
      assertValidJson(yours, path.join(context.root, "package.json"));
      const base = await packageBase(yours, context);
      const merged = mergePackageJson(yours, JSON.parse(base), JSON.parse(renderedFile(context, "package.json")));
      return { content: merged.content, dependencies: merged.changes, scriptsAdded: merged.scriptsAdded };
    },
    absent: (rendered) => ({ content: rendered }),
  },
  // New variables appended with their comments; those no item reads any more, removed.
  ".env.example": {
    async merge(yours, { next, retiredEnv }) {
      const appended = appendEnvExample(yours, next.env);
      const dropped = dropFromEnvExample(appended.content, retiredEnv);
      return { content: dropped.content, env: { example: appended.added, retired: dropped.removed } };
    },
    absent: (rendered) => ({ content: rendered }),
  },
  // New variables appended with their values; those no item reads any more, commented out (they may hold secrets).
  ".env": {
    async merge(yours, { next, manifest, choices, retiredEnv, why }) {
      const appended = appendEnv(yours, next.env, { name: manifest.name, options: { ...choices } });
      const retired = retireFromEnv(appended.content, retiredEnv, why);
      return { content: retired.content, env: { dotenv: appended.added, commentedOut: retired.retired } };
    },
    absent: () => ({ content: undefined, reason: "no .env: set the new variables in your environment" }),
  },
};

/** This version's contributions to a merged file, into the user's copy (`yours`, undefined when absent). */
export function mergeInto(filePath: string, yours: string | undefined, context: MergeContext): Promise<MergeOutcome> {
  const mergedFile = MERGED_FILES[filePath];
  if (!mergedFile) throw new Error(`${filePath} is rendered as merged, but nothing merges it.`);
  if (yours === undefined) return Promise.resolve(mergedFile.absent(renderedFile(context, filePath)));
  return mergedFile.merge(yours, context);
}

function renderedFile(context: MergeContext, filePath: string): string {
  return context.next.files.find((file) => file.path === filePath)!.content;
}

/**
 * What package.json was when the CLI last wrote it, to tell the user's versions from its pins: on an upgrade, the
 * recorded version (the file itself if untouched, else from git history); otherwise, and when neither is at hand,
 * today's render of the previous choices.
 */
async function packageBase(yours: string, { root, manifest, upgrading, previous }: MergeContext): Promise<string> {
  const rendered = previous!;
  const recorded = manifest.files["package.json"]?.hash;
  if (!upgrading || !recorded) return rendered;
  if (hashContent(yours) === recorded) return yours;
  const committed = await findCommittedVersion(root, "package.json", recorded);
  return committed !== undefined && isJson(committed) ? committed : rendered;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function assertValidJson(content: string, where: string): void {
  try {
    JSON.parse(content);
  } catch (error) {
    throw new CliError(`${where} is not valid JSON (${(error as Error).message}). Fix it and run add again; nothing was changed.`);
  }
}

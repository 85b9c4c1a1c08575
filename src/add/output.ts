import pc from "picocolors";
import type { AddOptions } from "../options.js";
import { MANIFEST_FILE } from "../manifest.js";
import { lockfiles } from "../package-manager.js";
import { CLI_VERSION } from "../version.js";
import { isRemoval, type ListedItem } from "./items.js";
import { unifiedDiff } from "./merge.js";
import type { AddPlan, FileAction, FileChange } from "./plan.js";
import type { Project } from "./project.js";

const COLORS: Record<FileAction, (text: string) => string> = {
  create: pc.green,
  update: pc.cyan,
  merge: pc.cyan,
  skip: pc.dim,
  conflict: pc.red,
  delete: pc.yellow,
  keep: pc.yellow,
};

/** The plan for a person: every file's action, dependencies, env vars and the commands to follow; diffs on request. */
export function describeAddPlan(plan: AddPlan, project: Project, options: Pick<AddOptions, "dryRun" | "diff">): string {
  const keys = plan.items.map((item) => item.key).join(", ");
  const what =
    plan.items.length > 0
      ? isRemoval(plan.items)
        ? `Removing ${keys} from ${project.root}`
        : `Adding ${keys} to ${project.root}`
      : `Updating ${project.root} from create-craftjs ${project.manifest.cliVersion} to ${CLI_VERSION}`;
  const heading = `${options.dryRun ? `${pc.bold("Dry run:")} nothing is written. ` : ""}${what}`;
  const lines = [heading];
  if (project.upgraded) lines.push(pc.dim(`craftjs.json is from create-craftjs ${project.manifest.cliVersion}: it is upgraded too.`));
  const shown = plan.files.filter((file) => file.action !== "skip" || file.reason);
  for (const file of shown) {
    const note = file.reason ? pc.dim(` (${file.reason})`) : file.action === "merge" && file.kind !== "merged" ? pc.dim(" (your edits kept)") : "";
    lines.push(`  ${COLORS[file.action](file.action.padEnd(8))} ${file.path}${note}`);
  }
  // The files the run changes besides the plan's own: the project's record, and the lockfile through the install.
  lines.push(`  ${COLORS.update("update".padEnd(8))} ${MANIFEST_FILE} ${pc.dim("(choices, version and file hashes)")}`);
  if (plan.steps.some((step) => step.id === "install")) {
    lines.push(`  ${COLORS.update("update".padEnd(8))} ${lockfiles[plan.choices.packageManager]} ${pc.dim("(by the install)")}`);
  }
  const skipped = plan.files.length - shown.length;
  if (skipped > 0) lines.push(pc.dim(`  ${skipped} file${skipped === 1 ? "" : "s"} already up to date`));
  const { added, moved, kept, removed } = plan.dependencies;
  const dependencyLines = [
    ...Object.entries(added).map(([name, version]) => `+ ${name}@${version}`),
    ...moved.map(({ name, from, to }) => `~ ${name}: ${from} → ${to}`),
    ...removed.map((name) => `- ${name}`),
    ...kept.map(({ name, yours, ours }) => `${pc.yellow("!")} ${name}: kept your ${yours} (add pins ${ours})`),
  ];
  if (dependencyLines.length) lines.push(pc.bold("Dependencies"), ...dependencyLines.map((line) => `  ${line}`));
  const envLines = [
    ...plan.env.example.map((name) => `+ ${name} in .env.example`),
    ...plan.env.dotenv.map((name) => `+ ${name} in .env`),
    ...plan.env.retired.map((name) => `- ${name} from .env.example (no longer read)`),
    ...plan.env.commentedOut.map((name) => `# ${name} commented out in .env, its value kept`),
  ];
  if (envLines.length) lines.push(pc.bold("Environment"), ...envLines.map((line) => `  ${line}`));
  if (plan.steps.length) lines.push(pc.bold("Then"), ...plan.steps.map((step) => `  ${step.command.join(" ")}`));
  const diffs = fileDiffs(options.diff ? plan.files : plan.files.filter((file) => file.action === "conflict"));
  for (const { path, diff } of diffs) lines.push("", pc.bold(path), colorDiff(diff));
  return lines.join("\n");
}

/** Unified diffs from what is on disk to what add would write (for a conflict: to the new version). */
export function fileDiffs(files: readonly FileChange[]): { path: string; diff: string }[] {
  return files
    .filter((file) => file.action !== "skip" && file.action !== "keep")
    .map((file) => ({ path: file.path, diff: unifiedDiff(file.path, file.before ?? "", file.after ?? "") }))
    .filter((entry) => entry.diff !== "");
}

function colorDiff(diff: string): string {
  return diff
    .split("\n")
    .map((line) => (line.startsWith("+") ? pc.green(line) : line.startsWith("-") ? pc.red(line) : line.startsWith("@@") ? pc.cyan(line) : line))
    .join("\n");
}

/** The plan as data, for --json. */
export function summary(plan: AddPlan, options: Pick<AddOptions, "force">) {
  return {
    root: plan.root,
    items: plan.items.map((item) => item.key),
    choices: plan.choices,
    files: plan.files.map(({ path, action, owner, kind, reason }) => ({
      path,
      action: action === "conflict" && options.force ? "force" : action,
      owner,
      kind,
      ...(reason ? { reason } : {}),
    })),
    dependencies: plan.dependencies,
    scriptsAdded: plan.scriptsAdded,
    env: plan.env,
    commands: plan.steps.map((step) => step.command.join(" ")),
    nextSteps: plan.nextSteps,
  };
}

export function describeList(items: readonly ListedItem[], root: string | undefined): string {
  const groups: [ListedItem["group"], string][] = [
    ["route", "Routes (restores their files)"],
    ["feature", "Features"],
    ["provider", "Providers (`add <category> <name>`; ai and ratelimit switch, oauth adds)"],
  ];
  const lines = [root ? `Items for ${root} (${pc.green("✓")} present):` : "Items (run inside a project to see which it has):"];
  for (const [group, title] of groups) {
    lines.push(pc.bold(title));
    for (const item of items.filter((candidate) => candidate.group === group)) {
      const mark = item.present ? pc.green("✓") : " ";
      lines.push(`  ${mark} ${item.key.padEnd(26)} ${item.label}${item.hint ? pc.dim(`: ${item.hint}`) : ""}`);
    }
  }
  return lines.join("\n");
}

import pc from "picocolors";
import type { Plan } from "./plan.js";

/** The plan as data for --dry-run --json: every file with its size, not its content. */
export function planSummary(plan: Plan) {
  return {
    directory: plan.directory,
    name: plan.name,
    choices: plan.choices,
    providers: plan.providers,
    files: plan.files.map((file) => ({ path: file.path, owner: file.owner, kind: file.kind, bytes: Buffer.byteLength(file.content) })),
    dependencies: plan.dependencies,
    devDependencies: plan.devDependencies,
    env: plan.env.map((variable) => variable.name),
    commands: plan.steps.map((step) => step.command.join(" ")),
  };
}

/** The plan for a person: what --dry-run prints. */
export function describePlan(plan: Plan): string {
  const section = (title: string, lines: string[]) => `${pc.bold(title)}\n${lines.map((line) => `  ${line}`).join("\n")}`;
  const deps = (record: Record<string, string>) => Object.entries(record).map(([name, version]) => `${name}@${version}`);
  return [
    `${pc.bold("Dry run:")} nothing is written. ${plan.name} → ${plan.directory}`,
    section("Choices", Object.entries(plan.choices).map(([key, value]) => `${key}: ${String(value)}`)),
    section(`Files (${plan.files.length})`, plan.files.map((file) => `${file.path.padEnd(48)} ${pc.dim(`${file.owner}, ${file.kind}`)}`)),
    section("Dependencies", deps(plan.dependencies)),
    section("Dev dependencies", deps(plan.devDependencies)),
    section("Environment variables", plan.env.map((variable) => variable.name)),
    section("Commands", plan.steps.length ? plan.steps.map((step) => step.command.join(" ")) : ["(none: --no-install)"]),
  ].join("\n\n");
}

import path from "node:path";
import { type Choices, choiceKeys, type Options } from "./options.js";
import { installCommand, type PackageManager, runScriptCommand } from "./package-manager.js";
import { type Category, core, type Feature, features, findProvider, providers } from "./providers/index.js";
import type { EnvVar, ProjectContext, ProviderDescriptor } from "./providers/types.js";
import { buildManifest, MANIFEST_FILE } from "./manifest.js";
import { loadTemplateFolder } from "./templates.js";
import { versions } from "./versions.js";

export interface PlannedFile {
  path: string;
  content: string;
}

export interface PlannedStep {
  id: "install" | "generate" | "migrate";
  title: string;
  command: string[];
}

/** Everything `create-craftjs` would do, computed in memory: shown by --dry-run, diffed and tested, then written. */
export interface Plan {
  name: string;
  directory: string;
  choices: Choices;
  providers: string[];
  files: PlannedFile[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  env: { name: string; comment: string }[];
  steps: PlannedStep[];
}

/** The provider (or, for a list option, the providers) each category's option chose, by category. */
export function chosenProviders(choices: Choices): Record<Category, ProviderDescriptor | ProviderDescriptor[]> {
  const categories = Object.keys(providers) as Category[];
  return Object.fromEntries(
    categories.map((category) => {
      const choice = choices[category] as string | string[];
      const chosen = Array.isArray(choice)
        ? choice.map((id) => findProvider(category, id))
        : findProvider(category, choice);
      return [category, chosen];
    }),
  ) as Record<Category, ProviderDescriptor | ProviderDescriptor[]>;
}

/** The features whose boolean option is on. */
function enabledFeatures(options: Options): ProviderDescriptor[] {
  return (Object.keys(features) as Feature[]).filter((key) => options[key]).map((key) => features[key]);
}

export function pickChoices(options: Options): Choices {
  return Object.fromEntries(choiceKeys.map((key) => [key, options[key]])) as Choices;
}

export function planProject(options: Options): Plan {
  const directory = path.resolve(options.directory);
  const name = path.basename(directory);
  const choices = pickChoices(options);
  const chosen = chosenProviders(choices);
  const selected = [core, ...Object.values(chosen).flat(), ...enabledFeatures(options)];
  const env = selected.flatMap((provider) => provider.env ?? []);
  const dependencies = pinned(selected.flatMap((provider) => provider.dependencies ?? []));
  const devDependencies = pinned(selected.flatMap((provider) => provider.devDependencies ?? []));
  const scripts = Object.assign({}, ...selected.map((provider) => provider.scripts ?? {}));

  const files = renderTemplates(selected, {
    name,
    ...choices,
    providers: chosen,
    features: Object.fromEntries((Object.keys(features) as Feature[]).map((key) => [key, Boolean(options[key])])),
    ...Object.assign({}, ...selected.map((provider) => provider.templateData ?? {})),
    env: env.filter((variable) => variable.schema),
    schemaModules: selected.flatMap((provider) => provider.schemaModules ?? []),
    commands: scriptCommands(options.packageManager),
  });
  addFile(files, "package.json", renderPackageJson(name, scripts, dependencies, devDependencies));
  addFile(files, ".env.example", renderEnvExample(env));
  addFile(files, ".env", renderEnv(env, { name, options }));
  const written = [...files].map(([file, content]) => ({ path: file, content }));
  addFile(files, MANIFEST_FILE, JSON.stringify(buildManifest(name, choices, written), null, 2) + "\n");

  return {
    name,
    directory,
    choices,
    providers: selected.map((provider) => provider.id),
    files: [...files].map(([file, content]) => ({ path: file, content })).sort((a, b) => a.path.localeCompare(b.path)),
    dependencies,
    devDependencies,
    env: env.map(({ name: variable, comment }) => ({ name: variable, comment })),
    steps: plannedSteps(options.packageManager, options),
  };
}

/** Every selected provider's template files, rendered: path → content. */
function renderTemplates(selected: readonly ProviderDescriptor[], data: object): Map<string, string> {
  const files = new Map<string, string>();
  for (const provider of selected) {
    for (const template of provider.templates ? loadTemplateFolder(provider.templates) : []) {
      addFile(files, template.target, template.render(data), provider.id);
    }
  }
  return files;
}

/** Providers compose; none may overwrite another's file. */
function addFile(files: Map<string, string>, file: string, content: string, owner = "core"): void {
  if (files.has(file)) throw new Error(`Two providers write ${file} (the second is ${owner})`);
  files.set(file, content);
}

/** The project's scripts as the README shows them, in the chosen package manager's syntax. */
function scriptCommands(pm: PackageManager) {
  const run = (script: string) => runScriptCommand(pm, script).join(" ");
  return {
    dev: run("dev"),
    test: run("test"),
    build: run("build"),
    start: run("start"),
    dbGenerate: run("db:generate"),
    dbMigrate: run("db:migrate"),
  };
}

/** Install, then (when asked and possible, i.e. after install) generate and apply the migration. */
export function plannedSteps(pm: PackageManager, options: { install: boolean; migrate: boolean }): PlannedStep[] {
  if (!options.install) return [];
  const steps: PlannedStep[] = [{ id: "install", title: "Installing dependencies", command: installCommand(pm) }];
  if (options.migrate) {
    steps.push(
      { id: "generate", title: "Generating the database migration", command: runScriptCommand(pm, "db:generate", ["--name", "init"]) },
      { id: "migrate", title: "Applying the database migration", command: runScriptCommand(pm, "db:migrate") },
    );
  }
  return steps;
}

function pinned(names: readonly (keyof typeof versions)[]): Record<string, string> {
  return Object.fromEntries([...new Set(names)].sort().map((dependency) => [dependency, versions[dependency]]));
}

function renderPackageJson(
  name: string,
  scripts: Record<string, string>,
  dependencies: Record<string, string>,
  devDependencies: Record<string, string>,
): string {
  const pkg = { name, version: "0.1.0", private: true, engines: { node: ">=20.9" }, scripts, dependencies, devDependencies };
  return JSON.stringify(pkg, null, 2) + "\n";
}

function renderEnvExample(env: readonly EnvVar[]): string {
  return env.map((variable) => `# ${variable.comment}\n${variable.name}=${variable.example}\n`).join("\n");
}

function renderEnv(env: readonly EnvVar[], context: ProjectContext): string {
  const lines = env.flatMap((variable) => (variable.value ? [`${variable.name}=${variable.value(context)}`] : []));
  return `# Generated by create-craftjs. Keep this file out of version control; .env.example documents every variable.\n${lines.join("\n")}\n`;
}

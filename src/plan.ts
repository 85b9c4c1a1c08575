import path from "node:path";
import { ciWorkflow, type Workflow } from "./ci.js";
import { displayNameOf } from "./package-name.js";
import { type Choices, choiceKeys, type EnvSeeds, envSeeds, type Options } from "./options.js";
import { installCommand, type PackageManager, runScriptCommand } from "./package-manager.js";
import { categories, core, type Feature, features, findProvider, routes } from "./providers/index.js";
import type { EnvVar, ItemDescriptor, ProjectContext, TemplateData } from "./providers/types.js";
import { envLine } from "./env-file.js";
import { buildManifest, type FileKind, MANIFEST_FILE } from "./manifest.js";
import { loadTemplateFolder } from "./templates.js";
import { treePins, versions } from "./versions.js";

export interface PlannedFile {
  path: string;
  content: string;
  /** The item that writes it: `core`, a route (`chats`), a provider (`ai openai`) or a feature (`api-keys`). */
  owner: string;
  kind: FileKind;
}

export interface PlannedStep {
  id: "install" | "generate" | "migrate";
  title: string;
  command: string[];
}

/** One item of a project, under the name `create-craftjs add` knows it by. */
export interface SelectedItem {
  key: string;
  descriptor: ItemDescriptor;
}

/** A project rendered in memory from its name and choices: what create writes and what add compares against. */
export interface Rendering {
  name: string;
  choices: Choices;
  items: SelectedItem[];
  files: PlannedFile[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  env: EnvVar[];
  nextSteps: string[];
}

/** Everything `create-craftjs` would do, computed in memory: shown by --dry-run, diffed and tested, then written. */
export interface Plan extends Omit<Rendering, "env" | "items"> {
  directory: string;
  /** The key of every item it renders: core, each route, each provider with its shared core, each feature. */
  items: string[];
  env: { name: string; comment: string }[];
  steps: PlannedStep[];
}

/** The folder of the files several items feed, rendered from all of them. */
const AGGREGATES = "aggregates";

/**
 * Every item a project with these choices has, in render order: core, the routes, providers, features; what an item
 * requires (its category's shared core, and what that requires) comes right before it, once.
 */
export function selectedItems(choices: Choices): SelectedItem[] {
  const chosen = categories.flatMap((category) => {
    const choice = choices[category] as string | string[];
    return (Array.isArray(choice) ? choice : [choice]).map((id) => ({
      key: `${category} ${id}`,
      descriptor: findProvider(category, id),
    }));
  });
  const enabled = (Object.keys(features) as Feature[])
    .filter((key) => choices[key])
    .map((key) => ({ key: features[key].id, descriptor: features[key] }));
  const items: SelectedItem[] = [
    { key: "core", descriptor: core },
    ...routes.map((route) => ({ key: route.id, descriptor: route })),
    ...chosen,
    ...enabled,
  ];
  const required = new Set<ItemDescriptor>();
  const withCores = (item: SelectedItem): SelectedItem[] => {
    const cores = (item.descriptor.requires ?? []).filter((needed) => !required.has(needed));
    for (const needed of cores) required.add(needed);
    return [...cores.flatMap((needed) => withCores({ key: needed.id, descriptor: needed })), item];
  };
  return items.flatMap(withCores);
}

export function pickChoices(options: Options): Choices {
  return Object.fromEntries(choiceKeys.map((key) => [key, options[key]])) as Choices;
}

export function planProject(options: Options): Plan {
  const directory = path.resolve(options.directory);
  const rendering = renderProject(path.basename(directory), pickChoices(options), envSeeds(options));
  return {
    ...rendering,
    directory,
    items: rendering.items.map((item) => item.key),
    env: rendering.env.map(({ name, comment }) => ({ name, comment })),
    steps: plannedSteps(options.packageManager, options),
  };
}

/** Renders every file of a project, its manifest included. `seeds` (options that are not choices) only seed .env. */
export function renderProject(name: string, choices: Choices, seeds: EnvSeeds = {}): Rendering {
  const items = selectedItems(choices);
  const descriptors = items.map((item) => item.descriptor);
  const env = uniqueEnv(items);
  const dependencies = pinned(descriptors.flatMap((item) => item.dependencies ?? []));
  const devDependencies = pinned(descriptors.flatMap((item) => item.devDependencies ?? []));
  const scripts = Object.assign({}, ...descriptors.map((item) => item.scripts ?? {}));
  const credentials = descriptors.flatMap((item) => item.credentials ?? []).sort((a, b) => a.order - b.order);
  const data = {
    name,
    displayName: choices.appName ?? displayNameOf(name),
    commands: scriptCommands(choices.packageManager),
    stack: { db: findProvider("db", choices.db).label, ai: findProvider("ai", choices.ai).label },
    ...templateData(items),
    env: env.filter((variable) => variable.schema),
    schemaModules: descriptors.flatMap((item) => item.schemaModules ?? []),
    authPlugins: descriptors.flatMap((item) => item.authPlugins ?? []),
    credentials,
    revokedWithPassword: credentials.flatMap((credential) => credential.revokedWithPassword ?? []),
    socialProviders: descriptors.flatMap((item) => item.socialProviders ?? []),
    errorCodes: descriptors.flatMap((item) => item.errorCodes ?? []),
    routes: descriptors.flatMap((item) => item.routes ?? []),
    readme: descriptors.flatMap((item) => item.readme ?? []),
    navigation: descriptors.flatMap((item) => item.navigation ?? []).sort((a, b) => a.order - b.order),
    settingsSections: descriptors.flatMap((item) => item.settingsSections ?? []),
    homeSections: descriptors.flatMap((item) => item.homeSections ?? []),
    usageAnchors: descriptors.flatMap((item) => item.usageAnchors ?? []),
    connectSources: descriptors.flatMap((item) => item.connectSources ?? []),
    ci: workflowData(
      ciWorkflow(choices.packageManager, descriptors.flatMap((item) => item.ciServices ?? []), env, {
        name,
        options: { ...choices },
      }),
    ),
  };

  const files = new Map<string, PlannedFile>();
  const add = (file: PlannedFile) => {
    const existing = files.get(file.path);
    if (existing) throw new Error(`Two items write ${file.path}: ${existing.owner} and ${file.owner}`);
    files.set(file.path, file);
  };
  for (const item of items) {
    for (const template of [item.descriptor.templates ?? []].flat().flatMap(loadTemplateFolder)) {
      add({ path: template.target, content: template.render(data), owner: item.key, kind: "owned" });
    }
  }
  for (const template of loadTemplateFolder(AGGREGATES)) {
    add({ path: template.target, content: template.render(data), owner: "core", kind: "aggregate" });
  }
  const merged = (file: string, content: string) => add({ path: file, content, owner: "core", kind: "merged" });
  merged("package.json", renderPackageJson(name, choices.packageManager, scripts, dependencies, devDependencies));
  merged(".env.example", renderEnvExample(env));
  merged(".env", renderEnv(env, { name, options: { ...choices, ...seeds } }));
  const written = [...files.values()];
  const manifest = buildManifest(name, choices, written);
  written.push({ path: MANIFEST_FILE, content: `${JSON.stringify(manifest, null, 2)}\n`, owner: "core", kind: "owned" });

  return {
    name,
    choices,
    items,
    files: written.sort((a, b) => a.path.localeCompare(b.path)),
    dependencies,
    devDependencies,
    env,
    nextSteps: descriptors.flatMap((item) => item.nextSteps ?? []),
  };
}


/** The template values items decide; two items deciding one value is a mistake in their descriptors. */
function templateData(items: readonly SelectedItem[]): TemplateData {
  const data: Record<string, unknown> = {};
  const decidedBy = new Map<string, string>();
  for (const { key, descriptor } of items) {
    for (const [name, value] of Object.entries(descriptor.templateData ?? {})) {
      const other = decidedBy.get(name);
      if (other) throw new Error(`Two items set the template value ${name}: ${other} and ${key}`);
      decidedBy.set(name, key);
      data[name] = value;
    }
  }
  return data as TemplateData;
}

/** Every item's env vars; two items declaring one variable is a mistake in their descriptors. */
function uniqueEnv(items: readonly SelectedItem[]): EnvVar[] {
  const declaredBy = new Map<string, string>();
  return items.flatMap(({ key, descriptor }) =>
    (descriptor.env ?? []).map((variable) => {
      const other = declaredBy.get(variable.name);
      if (other) throw new Error(`Two items declare the env var ${variable.name}: ${other} and ${key}`);
      declaredBy.set(variable.name, key);
      return variable;
    }),
  );
}

/** The project's scripts as the README shows them, in the chosen package manager's syntax. */
/** The workflow with every optional field present (null or empty), as the strict templates want. */
function workflowData(workflow: Workflow) {
  return {
    services: workflow.services.map((service) => ({ ...service, env: service.env ?? null })),
    env: workflow.env,
    steps: workflow.steps.map((step) => ({
      name: step.name,
      condition: step.if ?? null,
      uses: step.uses ?? null,
      with: step.with ?? [],
      env: step.env ?? [],
      run: step.run ?? null,
    })),
  };
}

function scriptCommands(pm: PackageManager) {
  const run = (script: string) => runScriptCommand(pm, script).join(" ");
  return {
    dev: run("dev"),
    test: run("test"),
    testE2e: run("test:e2e"),
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
  if (options.migrate) steps.push(...migrationSteps(pm, "init"));
  return steps;
}

/** Generate a new migration named `name` from the schema, then apply every pending one. */
export function migrationSteps(pm: PackageManager, name: string): PlannedStep[] {
  return [
    { id: "generate", title: "Generating the database migration", command: runScriptCommand(pm, "db:generate", ["--name", name]) },
    { id: "migrate", title: "Applying the database migration", command: runScriptCommand(pm, "db:migrate") },
  ];
}

function pinned(names: readonly (keyof typeof versions)[]): Record<string, string> {
  return Object.fromEntries([...new Set(names)].sort().map((dependency) => [dependency, versions[dependency]]));
}

/** The Node.js releases a generated app supports (its `engines`), the same as the CLI's own. */
export const NODE_ENGINES = ">=22.12";

/**
 * The tree pins in the field each package manager reads: npm's and bun's `overrides`, pnpm's `pnpm.overrides`, yarn's
 * `resolutions`. With them every package manager installs the same tree today and next month.
 */
function treeOverrides(pm: PackageManager): Record<string, unknown> {
  const pins = pinned(treePins);
  switch (pm) {
    case "npm":
    case "bun":
      return { overrides: pins };
    case "pnpm":
      return { pnpm: { overrides: pins } };
    case "yarn":
      return { resolutions: pins };
  }
}

function renderPackageJson(
  name: string,
  pm: PackageManager,
  scripts: Record<string, string>,
  dependencies: Record<string, string>,
  devDependencies: Record<string, string>,
): string {
  const pkg = { name, version: "0.1.0", private: true, engines: { node: NODE_ENGINES }, scripts, dependencies, devDependencies };
  return JSON.stringify({ ...pkg, ...treeOverrides(pm) }, null, 2) + "\n";
}

/** One variable of .env.example: its comment, then its example value. */
export function envExampleEntry(variable: EnvVar): string {
  return `# ${variable.comment}\n${variable.name}=${variable.example}\n`;
}

function renderEnvExample(env: readonly EnvVar[]): string {
  return env.map(envExampleEntry).join("\n");
}

export const ENV_HEADER =
  "# Generated by create-craftjs. Keep this file out of version control; .env.example documents every variable.";

function renderEnv(env: readonly EnvVar[], context: ProjectContext): string {
  const lines = env.flatMap((variable) => (variable.value ? [envLine(variable.name, variable.value(context))] : []));
  return `${ENV_HEADER}\n${lines.join("\n")}\n`;
}

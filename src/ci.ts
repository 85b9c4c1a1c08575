import type { PackageManager } from "./package-manager.js";
import { runScriptCommand } from "./package-manager.js";
import type { CiService, EnvVar, ProjectContext } from "./providers/types.js";

/** The package managers' versions the workflow installs: those the CLI's own CI proves. */
export const packageManagerVersions = { pnpm: "10.34.8", yarn: "1.22.22", bun: "1.4.5" } as const;

/** The Node.js major the workflow runs on: the current LTS, on which the app is developed and tested. */
const NODE_VERSION = "24";

/** The GitHub Actions the workflow uses, each pinned to an exact release. */
const actions = {
  checkout: "actions/checkout@v4.2.2",
  setupNode: "actions/setup-node@v4.4.0",
  setupPnpm: "pnpm/action-setup@v4.1.0",
  setupBun: "oven-sh/setup-bun@v2.0.2",
  uploadArtifact: "actions/upload-artifact@v4.6.2",
};

export interface WorkflowStep {
  name: string;
  uses?: string;
  with?: { key: string; value: string }[];
  if?: string;
  run?: string;
  env?: { name: string; value: string }[];
}

export interface Workflow {
  services: CiService[];
  env: { name: string; value: string }[];
  steps: WorkflowStep[];
}

const frozenInstall: Record<PackageManager, string> = {
  npm: "npm ci",
  pnpm: "pnpm install --frozen-lockfile",
  yarn: "yarn install --frozen-lockfile",
  bun: "bun install --frozen-lockfile",
};

const exec: Record<PackageManager, string> = { npm: "npx", pnpm: "pnpm exec", yarn: "yarn", bun: "bunx" };

/** What a package manager needs before Node.js is set up (pnpm and Bun are not on the runner). */
function packageManagerSetup(pm: PackageManager): WorkflowStep[] {
  if (pm === "pnpm") {
    return [{ name: "Set up pnpm", uses: actions.setupPnpm, with: [{ key: "version", value: packageManagerVersions.pnpm }] }];
  }
  if (pm === "bun") {
    return [{ name: "Set up Bun", uses: actions.setupBun, with: [{ key: "bun-version", value: packageManagerVersions.bun }] }];
  }
  return [];
}

/**
 * The app's CI workflow, from the chosen items: their service containers, and the env its tests need (every variable
 * .env gets, with its CI value where .env's is a secret or a local address). Steps in the order a failure is cheapest.
 */
export function ciWorkflow(
  pm: PackageManager,
  services: readonly CiService[],
  env: readonly EnvVar[],
  context: ProjectContext,
): Workflow {
  const run = (script: string) => runScriptCommand(pm, script).join(" ");
  const cache = pm === "bun" ? [] : [{ key: "cache", value: pm }];
  return {
    services: [...services],
    env: env
      .map((variable) => ({ name: variable.name, value: variable.ci ?? variable.value?.(context) ?? "" }))
      .filter((variable) => variable.value !== ""),
    steps: [
      { name: "Check out", uses: actions.checkout },
      ...packageManagerSetup(pm),
      { name: "Set up Node.js", uses: actions.setupNode, with: [{ key: "node-version", value: NODE_VERSION }, ...cache] },
      { name: "Install dependencies", run: frozenInstall[pm] },
      { name: "Typecheck", run: run("typecheck") },
      { name: "Lint", run: run("lint") },
      { name: "Check formatting", run: run("format:check") },
      { name: "Migrate the database", run: run("db:migrate") },
      { name: "Test", run: run("test") },
      // The Typecheck step has checked the types; next.config.ts skips the build's second check under this variable.
      { name: "Build", run: run("build"), env: [{ name: "SKIP_BUILD_TYPECHECK", value: "true" }] },
      {
        name: "Install Chromium",
        if: "${{ env.CHROMIUM_PATH == '' }}",
        run: `${exec[pm]} playwright install --with-deps chromium`,
      },
      { name: "Browser tests", run: run("test:e2e") },
      {
        name: "Keep the browser tests' report",
        uses: actions.uploadArtifact,
        if: "${{ !cancelled() }}",
        with: [
          { key: "name", value: "playwright-report" },
          { key: "path", value: "playwright-report/" },
        ],
      },
    ],
  };
}

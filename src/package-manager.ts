export const packageManagers = ["npm", "pnpm", "yarn", "bun"] as const;
export type PackageManager = (typeof packageManagers)[number];

/** The package manager that started the CLI (`npm_config_user_agent`, e.g. "pnpm/9.1.0 npm/? node/v20.20.2"), else npm. */
export function detectPackageManager(userAgent = process.env.npm_config_user_agent): PackageManager {
  const name = userAgent?.split("/", 1)[0];
  return packageManagers.find((candidate) => candidate === name) ?? "npm";
}

/** The lockfile each package manager writes. */
export const lockfiles: Record<PackageManager, string> = {
  npm: "package-lock.json",
  pnpm: "pnpm-lock.yaml",
  yarn: "yarn.lock",
  bun: "bun.lock",
};

export function installCommand(pm: PackageManager): string[] {
  return [pm, "install"];
}

/** How to run a package.json script: `npm run dev`, `pnpm dev`, `yarn dev`, `bun run dev`; npm needs `--` before arguments. */
export function runScriptCommand(pm: PackageManager, script: string, args: string[] = []): string[] {
  const run = pm === "npm" || pm === "bun" ? [pm, "run", script] : [pm, script];
  if (args.length === 0) return run;
  return pm === "npm" ? [...run, "--", ...args] : [...run, ...args];
}

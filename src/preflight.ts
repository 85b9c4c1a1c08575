import { access, constants, stat } from "node:fs/promises";
import path from "node:path";
import { refusal } from "./errors.js";
import { type PackageManager, packageManagers } from "./package-manager.js";

/** How to get each package manager, best first. */
const HOW_TO_INSTALL: Record<PackageManager, string[]> = {
  npm: ["npm comes with Node.js: reinstall Node.js"],
  pnpm: ["corepack enable pnpm", "npm install -g pnpm"],
  yarn: ["corepack enable yarn", "npm install -g yarn"],
  bun: ["npm install -g bun"],
};

/** The full path of `command` as the shell would find it on `env`'s PATH (with PATHEXT on Windows), if anywhere. */
export async function findExecutable(command: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const folders = (env.PATH ?? env.Path ?? "").split(path.delimiter).filter(Boolean);
  const extensions = process.platform === "win32" ? (env.PATHEXT ?? ".COM;.EXE;.BAT;.CMD").split(";") : [""];
  for (const folder of folders) {
    for (const extension of extensions) {
      const candidate = path.join(folder, `${command}${extension}`);
      if (await isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses, before anything is written, a package manager the install could not start: the user learns how to get it,
 * or to pick another, instead of finding out after the files are written. `chosen` says how it was picked.
 */
export async function assertPackageManagerInstalled(pm: PackageManager, chosen: "flag" | "detected"): Promise<void> {
  if (await findExecutable(pm)) return;
  const how = HOW_TO_INSTALL[pm];
  const others = packageManagers.filter((other) => other !== pm);
  const source = chosen === "flag" ? `--package-manager ${pm}` : `${pm} (it started create-craftjs)`;
  throw refusal(
    "PACKAGE_MANAGER_MISSING",
    `${pm} is not installed: ${source} needs it on the PATH to install the app's dependencies. Nothing was written.\n` +
      `  Install it: ${how.join("   or: ")}\n` +
      `  Or pick another: --package-manager ${others.join(" | ")}\n` +
      "  Or install later yourself: --no-install",
    { packageManager: pm, install: how },
  );
}

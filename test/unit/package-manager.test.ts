import { afterEach, describe, expect, it, vi } from "vitest";
import { detectPackageManager, installCommand, packageManagers, runScriptCommand } from "../../src/package-manager.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("detectPackageManager", () => {
  it.each([
    ["npm/10.8.2 node/v20.20.2 linux x64 workspaces/false", "npm"],
    ["pnpm/9.12.0 npm/? node/v20.20.2 linux x64", "pnpm"],
    ["yarn/1.22.22 npm/? node/v20.20.2 linux x64", "yarn"],
    ["yarn/4.5.0 npm/? node/v22.11.0 darwin arm64", "yarn"],
    ["bun/1.1.38 npm/? node/v22.6.0 linux x64", "bun"],
  ])("reads %s as %s", (userAgent, expected) => {
    expect(detectPackageManager(userAgent)).toBe(expected);
  });

  it.each(["", "garbage", "deno/2.0.0", "cnpm/9.4.0 npm/? node/v20", "/pnpm", "PNPM/9.0.0"])(
    "falls back to npm for an unknown user agent %j",
    (userAgent) => {
      expect(detectPackageManager(userAgent)).toBe("npm");
    },
  );

  it("falls back to npm when no package manager started the CLI (no npm_config_user_agent)", () => {
    vi.stubEnv("npm_config_user_agent", undefined);
    expect(detectPackageManager()).toBe("npm");
    expect(detectPackageManager(undefined)).toBe("npm");
  });

  it("reads npm_config_user_agent by default", () => {
    vi.stubEnv("npm_config_user_agent", "bun/1.1.38 npm/? node/v22.6.0 linux x64");
    expect(detectPackageManager()).toBe("bun");
  });
});

describe("runScriptCommand", () => {
  it.each([
    ["npm", ["npm", "run", "dev"]],
    ["pnpm", ["pnpm", "dev"]],
    ["yarn", ["yarn", "dev"]],
    ["bun", ["bun", "run", "dev"]],
  ] as const)("runs a script without arguments with %s as %j", (pm, expected) => {
    expect(runScriptCommand(pm, "dev")).toEqual(expected);
  });

  it.each([
    ["npm", ["npm", "run", "db:generate", "--", "--name", "init"]],
    ["pnpm", ["pnpm", "db:generate", "--name", "init"]],
    ["yarn", ["yarn", "db:generate", "--name", "init"]],
    ["bun", ["bun", "run", "db:generate", "--name", "init"]],
  ] as const)("passes arguments to the script with %s as %j (-- for npm only)", (pm, expected) => {
    expect(runScriptCommand(pm, "db:generate", ["--name", "init"])).toEqual(expected);
  });
});

describe("installCommand", () => {
  it.each(packageManagers)("installs with `%s install`", (pm) => {
    expect(installCommand(pm)).toEqual([pm, "install"]);
  });
});

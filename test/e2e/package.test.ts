import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { afterAll, describe, expect, it } from "vitest";
import { appEnv } from "../../scripts/lib/local-app.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("the published package", () => {
  let workDir: string;
  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("renders a project when installed from its tarball somewhere else", async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), "craftjs-pack-"));
    const env = appEnv();
    const { stdout } = await execa("npm", ["pack", "--json", "--pack-destination", workDir], { cwd: ROOT, env, extendEnv: false });
    const [{ filename, files }] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
    const packed = files.map((file) => file.path);
    expect(packed).toContain("bin/create-craftjs.js");
    expect(packed).toContain("dist/cli.js");
    expect(packed).toContain("templates/core/_gitignore");
    expect(packed.some((file) => file.startsWith("test/") || file.startsWith("src/"))).toBe(false);

    const consumer = path.join(workDir, "consumer");
    await mkdir(consumer);
    await execa("npm", ["init", "-y"], { cwd: consumer, env, extendEnv: false });
    await execa("npm", ["install", "--no-audit", "--no-fund", path.join(workDir, filename)], { cwd: consumer, env, extendEnv: false });
    const bin = path.join(consumer, "node_modules", ".bin", "create-craftjs");
    const result = await execa(bin, ["made-from-tarball", "--no-install", "--no-git"], { cwd: consumer, env, extendEnv: false });
    expect(result.exitCode).toBe(0);
    const project = path.join(consumer, "made-from-tarball");
    expect(existsSync(path.join(project, ".gitignore"))).toBe(true);
    expect(JSON.parse(await readFile(path.join(project, "package.json"), "utf8")).name).toBe("made-from-tarball");
  }, 180_000);
});

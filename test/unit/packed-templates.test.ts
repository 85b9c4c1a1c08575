import { cp, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { manifestSchema } from "../../src/manifest.js";
import { renderProject } from "../../src/plan.js";
import { execa } from "execa";
import { ensureBuilt, ROOT, runCli } from "./support/cli.js";
import { useTempDirs } from "./support/temp.js";

const tempDir = useTempDirs("craftjs-packed-");

beforeAll(ensureBuilt, 120_000);

describe("the bundled CLI", () => {
  it("writes exactly what the template folders render (its templates are packed and precompiled by the build)", async () => {
    const cwd = await tempDir();
    const flags = ["--db", "postgres", "--ai", "anthropic", "--payments", "polar", "--storage", "s3", "--email", "smtp"];
    const result = await runCli(["shop", "--no-install", "--no-git", "--app-name", "Shop & Co", ...flags], { cwd });
    expect(result.exitCode, result.output).toBe(0);
    const root = path.join(cwd, "shop");
    const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(root, "craftjs.json"), "utf8")));
    const rendering = renderProject("shop", manifest.choices);
    // .env holds fresh secrets, and craftjs.json the run's own record: every other file is compared byte for byte.
    const compared = rendering.files.filter((file) => file.path !== ".env" && file.path !== "craftjs.json");
    expect(compared.length).toBeGreaterThan(250);
    for (const file of compared) expect(await readFile(path.join(root, file.path), "utf8"), file.path).toBe(file.content);
  });

  it("renders from its pack alone: a copy with no templates/ beside it writes the whole project", async () => {
    const copy = await tempDir();
    for (const entry of ["bin", "dist", "package.json"]) await cp(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
    const result = await execa("node", [path.join(copy, "bin", "create-craftjs.js"), "app", "--no-install", "--no-git"], {
      cwd: copy,
      reject: false,
      all: true,
      env: { CI: "1" },
    });
    expect(result.exitCode, result.all).toBe(0);
    const written = await readdir(path.join(copy, "app"), { recursive: true, withFileTypes: true });
    expect(written.filter((entry) => entry.isFile()).length).toBeGreaterThan(250);
  });
});

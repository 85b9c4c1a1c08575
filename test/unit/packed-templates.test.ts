import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { manifestSchema } from "../../src/manifest.js";
import { renderProject } from "../../src/plan.js";
import { ensureBuilt, runCli } from "./support/cli.js";
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
});

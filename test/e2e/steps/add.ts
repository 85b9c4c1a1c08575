import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { execa } from "execa";
import { expect } from "vitest";
import { CLI } from "../support/cli.js";
import type { Suite } from "../support/suite.js";

/** A table of the user's own, exported from the schema index: an edit add must keep. */
const USER_SCHEMA_MODULE = `import { table, text } from "../columns";

export const bookmarks = table("bookmarks", {
  id: text("id").primaryKey(),
  url: text("url").notNull(),
});
`;

const USER_DEPENDENCY = ["ms", "2.1.3"] as const;

/**
 * The app was scaffolded without some items; the user edits it as people do (a schema module of their own, a
 * dependency, an env variable), then `create-craftjs add` brings each item in, with a real install and a new migration.
 */
export function addSteps(suite: Suite, items: string[][]): void {
  const { pipeline } = suite;
  const file = (relative: string) => path.join(suite.appDir, relative);
  const sha256 = async (relative: string) => createHash("sha256").update(await readFile(file(relative))).digest("hex");
  let initialMigration = "";

  pipeline.step("typechecks as scaffolded, before anything is added", async () => {
    await suite.runScript("typecheck");
  });

  pipeline.step("is edited by its user: a schema module, a dependency, an env variable", async () => {
    initialMigration = await sha256("drizzle/0000_init.sql");
    await writeFile(file("src/lib/db/schema/bookmarks.ts"), USER_SCHEMA_MODULE);
    const index = await readFile(file("src/lib/db/schema/index.ts"), "utf8");
    await writeFile(file("src/lib/db/schema/index.ts"), `${index}export * from "./bookmarks";\n`);
    const pkg = JSON.parse(await readFile(file("package.json"), "utf8"));
    pkg.dependencies[USER_DEPENDENCY[0]] = USER_DEPENDENCY[1];
    await writeFile(file("package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
    await writeFile(file(".env"), `${await readFile(file(".env"), "utf8")}MY_FEATURE_FLAG=on\n`);
  });

  for (const item of items) {
    pipeline.step(`add ${item.join(" ")}: merges, installs and migrates with no TTY`, async () => {
      const result = await execa("node", [CLI, "add", ...item, "--json"], { cwd: suite.appDir, reject: false, stdin: "ignore" });
      expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
      const outcome = JSON.parse(result.stdout) as {
        ok: boolean;
        files: { path: string; action: string }[];
        steps: { id: string; ok: boolean }[];
      };
      expect(outcome.ok).toBe(true);
      expect(outcome.files.filter((changed) => changed.action === "conflict")).toEqual([]);
      // Every item here brings a dependency; a schema change also brings a migration.
      expect(outcome.steps.map((step) => step.id)).toContain("install");
      expect(outcome.steps.every((step) => step.ok)).toBe(true);
    });
  }

  pipeline.step("kept every edit, appended a migration and left the first one byte for byte", async () => {
    expect(await readFile(file("src/lib/db/schema/index.ts"), "utf8")).toContain('export * from "./bookmarks";');
    const pkg = JSON.parse(await readFile(file("package.json"), "utf8"));
    expect(pkg.dependencies[USER_DEPENDENCY[0]]).toBe(USER_DEPENDENCY[1]);
    expect(await readFile(file(".env"), "utf8")).toMatch(/^MY_FEATURE_FLAG=on$/m);
    expect(await sha256("drizzle/0000_init.sql")).toBe(initialMigration);
    const migrations = (await readdir(file("drizzle"))).filter((name) => name.endsWith(".sql")).sort();
    expect(migrations).toEqual([
      "0000_init.sql",
      "0001_add_api_keys.sql",
      "0002_add_payments_stripe.sql",
      "0003_add_storage_s3.sql",
    ]);
    expect(await readFile(file("drizzle/0002_add_payments_stripe.sql"), "utf8")).toMatch(/CREATE TABLE [`"]subscriptions[`"]/);
    expect(await readFile(file("drizzle/0003_add_storage_s3.sql"), "utf8")).toMatch(/CREATE TABLE [`"]uploads[`"]/);
    const added = await readFile(file("drizzle/0001_add_api_keys.sql"), "utf8");
    expect(added).toMatch(/CREATE TABLE [`"]api_keys[`"]/);
    expect(added).toMatch(/CREATE TABLE [`"]bookmarks[`"]/);

    const manifest = JSON.parse(await readFile(file("craftjs.json"), "utf8"));
    const { apiKeys, ratelimit, payments, storage } = suite.combination;
    expect(manifest.choices).toMatchObject({ apiKeys, ratelimit, payments, storage });
  });

  pipeline.step("has nothing to do when an item is added again", async () => {
    const again = await execa("node", [CLI, "add", ...items[0]!], { cwd: suite.appDir, reject: false, stdin: "ignore" });
    expect([again.exitCode, again.stdout]).toEqual([0, expect.stringContaining("Nothing to do")]);
  });
}

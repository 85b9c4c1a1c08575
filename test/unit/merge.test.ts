import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  appendEnv,
  appendEnvExample,
  dropFromEnvExample,
  hasConflictMarkers,
  mergePackageJson,
  mergeText,
  mergeWithMarkers,
  retireFromEnv,
} from "../../src/add/merge.js";
import { hashContent, legacyManifestSchema, upgradeManifest } from "../../src/manifest.js";
import { categories, features, providers, routes } from "../../src/providers/index.js";
import type { EnvVar } from "../../src/providers/types.js";
import { TEMPLATES_DIR } from "../../src/templates.js";

describe("mergeText", () => {
  const base = "a\nb\nc\nd\n";

  it("takes the user's edits and the new version's changes where they touch different lines", () => {
    expect(mergeText("a\nB (mine)\nc\nd\n", base, "a\nb\nc\nD (new)\n")).toEqual({ clean: true, content: "a\nB (mine)\nc\nD (new)\n" });
  });

  it("is a conflict where both change the same lines differently", () => {
    expect(mergeText("a\nmine\nc\nd\n", base, "a\nnew\nc\nd\n")).toEqual({ clean: false });
  });

  it("agrees where both made the same change", () => {
    expect(mergeText("a\nsame\nc\nd\n", base, "a\nsame\nc\nd\n")).toEqual({ clean: true, content: "a\nsame\nc\nd\n" });
  });

  it("keeps both sides' insertions at one place only when asked (list-like files), the user's first", () => {
    const ours = `${base}mine\n`;
    const theirs = `${base}new\n`;
    expect(mergeText(ours, base, theirs)).toEqual({ clean: false });
    expect(mergeText(ours, base, theirs, { unionInsertions: true })).toEqual({ clean: true, content: `${base}mine\nnew\n` });
  });
});

describe("mergePackageJson", () => {
  const previous = { dependencies: { next: "16.4.6", "@ai-sdk/openai": "3.0.141" }, scripts: { dev: "next dev" } };
  const next = { dependencies: { next: "16.4.6", "@ai-sdk/anthropic": "3.0.140", ioredis: "5.9.2" }, scripts: { dev: "next dev", test: "vitest run" } };

  it("adds new dependencies where they sort, keeps the user's ranges and scripts, keeps the indentation", () => {
    const yours = JSON.stringify({ name: "app", dependencies: { next: "^16.0.0", zod: "4.6.7", "@ai-sdk/openai": "3.0.141" }, scripts: { dev: "next dev --turbo" } }, null, 4);
    const { content, changes, scriptsAdded } = mergePackageJson(yours, previous, next);
    const pkg = JSON.parse(content);
    expect(Object.keys(pkg.dependencies)).toEqual(["@ai-sdk/anthropic", "ioredis", "next", "zod"]);
    expect(pkg.dependencies.next).toBe("^16.0.0");
    expect(pkg.scripts).toEqual({ dev: "next dev --turbo", test: "vitest run" });
    expect(changes).toEqual({
      added: { "@ai-sdk/anthropic": "3.0.140", ioredis: "5.9.2" },
      moved: [],
      kept: [{ name: "next", yours: "^16.0.0", ours: "16.4.6" }],
      removed: ["@ai-sdk/openai"],
    });
    expect(scriptsAdded).toEqual(["test"]);
    expect(content).toMatch(/^ {4}"name"/m);
  });

  it("moves a dependency and a tree pin the user left at the previous pin to the new one, and keeps the user's own", () => {
    const before = { dependencies: { next: "16.4.0", zod: "4.6.7" }, overrides: { vite: "8.0.0" } };
    const after = { dependencies: { next: "16.5.0", zod: "4.7.0" }, overrides: { vite: "8.4.1", "aria-hidden": "1.2.6" } };
    const yours = JSON.stringify({ dependencies: { next: "16.4.0", zod: "^4.0.0" }, overrides: { vite: "8.0.0", mine: "1.0.0" } });
    const { content, changes } = mergePackageJson(yours, before, after);
    const pkg = JSON.parse(content);
    expect(pkg.dependencies).toEqual({ next: "16.5.0", zod: "^4.0.0" });
    expect(pkg.overrides).toEqual({ vite: "8.4.1", mine: "1.0.0", "aria-hidden": "1.2.6" });
    expect(changes.moved).toEqual([{ name: "next", from: "16.4.0", to: "16.5.0" }]);
    expect(changes.kept).toEqual([{ name: "zod", yours: "^4.0.0", ours: "4.7.0" }]);
  });

  it("keeps a replaced provider's dependency the user changed", () => {
    const yours = JSON.stringify({ dependencies: { "@ai-sdk/openai": "^3.0.0" } });
    expect(JSON.parse(mergePackageJson(yours, previous, next).content).dependencies).toHaveProperty("@ai-sdk/openai", "^3.0.0");
  });
});

describe("env files", () => {
  const variables: EnvVar[] = [
    { name: "KEPT", comment: "Already there.", example: "x", value: () => "new" },
    { name: "SECRET", comment: "A fresh secret.", example: "", value: () => "s3cret" },
    { name: "OPTIONAL", comment: "Unset unless needed.", example: "" },
  ];
  const context = { name: "app", options: {} };

  it("appends to .env only the variables it lacks that have a value, never rewriting a line", () => {
    const yours = "KEPT=mine\n# OPTIONAL=commented\nMY_VAR=1";
    const { content, added } = appendEnv(yours, variables, context);
    expect(added).toEqual(["SECRET"]);
    expect(content).toBe(`${yours}\n# A fresh secret.\nSECRET=s3cret\n`);
  });

  it("appends to .env.example every undocumented variable with its comment", () => {
    const { content, added } = appendEnvExample("# Kept.\nKEPT=x\n", variables);
    expect(added).toEqual(["SECRET", "OPTIONAL"]);
    expect(content).toBe("# Kept.\nKEPT=x\n\n# A fresh secret.\nSECRET=\n\n# Unset unless needed.\nOPTIONAL=\n");
  });
});

describe("manifest upgrade", () => {
  it("reads a 0.1.0 manifest into today's format, classifying each file", () => {
    const legacy = legacyManifestSchema.parse({
      cliVersion: "0.1.0",
      command: "create-craftjs shop --db sqlite",
      choices: { db: "sqlite", ai: "openai", ratelimit: "memory", oauth: [], apiKeys: false, corsOrigins: [], packageManager: "npm" },
      files: { "src/app/api/chats/route.ts": hashContent("a"), "src/gone.ts": hashContent("b") },
    });
    const upgraded = upgradeManifest(legacy, (file) => (file === "src/app/api/chats/route.ts" ? { owner: "chats", kind: "owned" } : undefined));
    expect(upgraded).toMatchObject({ manifestVersion: 2, cliVersion: "0.1.0", name: "shop" });
    expect(upgraded.files).toEqual({
      "src/app/api/chats/route.ts": { owner: "chats", kind: "owned", hash: hashContent("a") },
      "src/gone.ts": { owner: "core", kind: "owned", hash: hashContent("b") },
      ".env": { owner: "core", kind: "merged" },
    });
  });
});

describe("core templates", () => {
  it("name no feature, route or provider: what those bring comes from their descriptors", () => {
    const names = [
      ...Object.values(features).map((feature) => feature.id),
      ...categories.flatMap((category) => providers[category].map((provider) => provider.id)),
      "apiKey",
    ].filter((name) => !["sqlite", "postgres", "memory", "openai", "google", "none", "local", "console"].includes(name));
    const folder = path.join(TEMPLATES_DIR, "core");
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true }).filter((candidate) => candidate.isFile())) {
      const source = readFileSync(path.join(entry.parentPath, entry.name), "utf8");
      expect(source, entry.name).not.toMatch(/\{\{[#/]?(if|each|unless)?\s*(features|providers)\b/);
      expect(source, entry.name).not.toMatch(/\{\{#if \(eq/);
      for (const name of names) expect(source, `${entry.name} names ${name}`).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
    expect(routes.map((route) => route.id)).toEqual(["auth", "health", "me", "sessions", "chats", "chat"]);
  });
});

describe("conflicts and retired variables", () => {
  it("writes git's markers around each region both sides changed, and finds them", () => {
    const base = "a\nb\nc\n";
    const merged = mergeWithMarkers("a\nmine\nc\n", base, "a\ntheirs\nc\n", "create-craftjs 9.9.9");
    expect(merged).toBe("a\n<<<<<<< yours\nmine\n=======\ntheirs\n>>>>>>> create-craftjs 9.9.9\nc\n");
    expect(hasConflictMarkers(merged)).toBe(true);
    expect(hasConflictMarkers("a\n// ======= not a marker\nc\n")).toBe(false);
    // With no base, the whole files face each other.
    expect(mergeWithMarkers("x\n", "", "y\n", "new")).toMatch(/^<<<<<<< yours\nx\n=======\ny\n>>>>>>> new/);
  });

  it("takes a retired variable out of .env.example with its comment, and comments it out in .env with its value", () => {
    const example = "# The key.\nOPENAI_API_KEY=\n\n# The database.\nDATABASE_URL=file:data/app.db\n";
    expect(dropFromEnvExample(example, ["OPENAI_API_KEY"])).toEqual({
      content: "# The database.\nDATABASE_URL=file:data/app.db\n",
      removed: ["OPENAI_API_KEY"],
    });
    const env = "OPENAI_API_KEY=sk-live-123\nDATABASE_URL=file:data/app.db\n";
    const { content, retired } = retireFromEnv(env, ["OPENAI_API_KEY"], "create-craftjs add ai anthropic");
    expect(retired).toEqual(["OPENAI_API_KEY"]);
    expect(content).toContain("# No longer read by the app (create-craftjs add ai anthropic)");
    expect(content).toContain("# OPENAI_API_KEY=sk-live-123\nDATABASE_URL=file:data/app.db");
  });
});

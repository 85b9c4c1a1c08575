import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadEnvConfig, resetEnv } from "@next/env";
import { afterEach, describe, expect, it } from "vitest";
import { appendEnv } from "../../src/add/merge.js";
import { envLine } from "../../src/env-file.js";
import { planProject } from "../../src/plan.js";
import { resolveOptions } from "../../src/resolve.js";
import { file } from "./support/plan.js";
import { useTempDirs } from "./support/temp.js";

const tempDir = useTempDirs("craftjs-env-");

afterEach(() => resetEnv());

/** Reads a .env back exactly as a generated app does: @next/env's loader, dotenv then dotenv-expand. */
async function loadLikeNext(content: string, names: readonly string[]): Promise<Record<string, string | undefined>> {
  for (const name of names) delete process.env[name];
  const dir = await tempDir();
  await writeFile(path.join(dir, ".env"), content);
  const { combinedEnv } = loadEnvConfig(dir, true, { info: () => {}, error: () => {} }, true);
  return Object.fromEntries(names.map((name) => [name, combinedEnv[name]]));
}

/** Every character that dotenv or dotenv-expand reads specially, alone and together. */
const awkward = [
  "pa$sword",
  "${HOME}",
  "$HOME:-x",
  "\\$escaped",
  "cut#here",
  " spaced out ",
  'double"quote',
  "single'quote",
  "back`tick",
  "single'and`backtick",
  "a=b=c",
  "back\\slash\\",
  "literal\\nbackslash-n",
  "two\nlines",
  "ends with $",
  "",
];

describe(".env values", () => {
  it("read back exactly through Next's env loader, whatever characters they hold", async () => {
    const names = awkward.map((_, index) => `VALUE_${index}`);
    const content = `${awkward.map((value, index) => envLine(names[index]!, value)).join("\n")}\n`;
    const loaded = await loadLikeNext(content, names);
    expect(awkward.map((_, index) => loaded[names[index]!])).toEqual(awkward);
  });

  it("stay unquoted when they hold only plain characters", () => {
    expect(envLine("DATABASE_URL", "file:./data/app.db")).toBe("DATABASE_URL=file:./data/app.db");
    expect(envLine("APP_URL", "http://localhost:3000")).toBe("APP_URL=http://localhost:3000");
  });

  it("refuse a value no quoting can carry instead of writing it wrong", () => {
    expect(() => envLine("X", `'\`"\\n`)).toThrow(/cannot be written to \.env/);
  });
});

describe("the .env create writes", () => {
  // Options as they reach the planner; each awkward character in every value the user types.
  const tricky = "p a$s#w'o\"r=d\\";
  const options = {
    ...resolveOptions({
      directory: path.join(os.tmpdir(), "craftjs-never-written", "shop"),
      db: "postgres",
      ai: "openai-compatible",
      packageManager: "npm",
    }),
    databaseUrl: `postgres://me:${tricky}@127.0.0.1:5432/shop`,
    corsOrigins: ["https://a$b.example", "https://it's.example:8443"],
    aiBaseUrl: "http://127.0.0.1:11434/v1?key=$KEY#frag",
    aiModels: ["llama$3", "qwen#2.5", "a b"],
  };

  it("reads back as the values given: database URL with a password, CORS origins, AI base URL and models", async () => {
    const env = file(planProject(options), ".env");
    const names = ["DATABASE_URL", "CORS_ORIGINS", "OPENAI_COMPATIBLE_BASE_URL", "OPENAI_COMPATIBLE_MODELS"];
    expect(await loadLikeNext(env, names)).toEqual({
      DATABASE_URL: options.databaseUrl,
      CORS_ORIGINS: options.corsOrigins.join(","),
      OPENAI_COMPATIBLE_BASE_URL: options.aiBaseUrl,
      OPENAI_COMPATIBLE_MODELS: options.aiModels.join(","),
    });
  });

  it("holds secrets that read back as written", async () => {
    const env = file(planProject(options), ".env");
    const secret = /^BETTER_AUTH_SECRET=(.*)$/m.exec(env)?.[1];
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(await loadLikeNext(env, ["BETTER_AUTH_SECRET"])).toEqual({ BETTER_AUTH_SECRET: secret });
  });
});

describe("the .env add appends", () => {
  it("quotes the same way, so an appended value reads back exactly", async () => {
    const variables = [{ name: "ADDED", comment: "Added by add.", example: "", value: () => "x$y #z" }];
    const { content } = appendEnv("KEPT=mine\n", variables, { name: "shop", options: {} });
    expect(await loadLikeNext(content, ["KEPT", "ADDED"])).toEqual({ KEPT: "mine", ADDED: "x$y #z" });
  });
});

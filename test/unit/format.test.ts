import { createHash } from "node:crypto";
import path from "node:path";
import * as prettier from "prettier";
import * as tailwind from "prettier-plugin-tailwindcss";
import { describe, expect, it } from "vitest";
import { TEMPLATES_DIR } from "../../src/templates.js";
import { everyProviderCombination, file } from "./support/plan.js";

/**
 * Every file the CLI writes is already formatted the way the app's own `format:check` wants, with the app's Prettier
 * settings (and Tailwind's class order), in every combination: each distinct file is checked once.
 */
describe("formatting", () => {
  it("writes every file of every combination as the app's Prettier settings format it", async () => {
    const checked = new Set<string>();
    const unformatted: string[] = [];
    for (const { label, plan: planned } of everyProviderCombination()) {
      const settings = JSON.parse(file(planned, ".prettierrc.json"));
      const ignored = file(planned, ".prettierignore")
        .split("\n")
        .filter((line) => line && !line.startsWith("#"));
      for (const { path: filePath, content } of planned.files) {
        if (ignored.some((pattern) => (pattern.endsWith("/") ? filePath.startsWith(pattern) : filePath === pattern))) continue;
        const key = createHash("sha256").update(filePath).update("\0").update(content).digest("hex");
        if (checked.has(key)) continue;
        checked.add(key);
        const filepath = path.join("/project", filePath);
        const { inferredParser } = await prettier.getFileInfo(filepath);
        if (!inferredParser) continue;
        const options = {
          ...settings,
          filepath,
          plugins: [tailwind],
          tailwindStylesheet: path.join(TEMPLATES_DIR, "core", "src", "app", "globals.css"),
        };
        if (!(await prettier.check(content, options))) unformatted.push(`${label}: ${filePath}`);
      }
    }
    expect(unformatted).toEqual([]);
    expect(checked.size).toBeGreaterThan(150);
  }, 120_000);
});

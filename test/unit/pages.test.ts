import { describe, expect, it } from "vitest";
import { providers } from "../../src/providers/index.js";
import { hasFile, file, plan } from "./support/plan.js";

/** The page files each optional part brings; none of them exists without it. */
const featurePages = {
  payments: ["src/app/(app)/billing/page.tsx", "src/app/pricing/page.tsx", "e2e/billing.spec.ts"],
  storage: ["src/app/(app)/files/page.tsx", "e2e/files.spec.ts"],
  apiKeys: ["src/components/settings/api-keys-section.tsx", "e2e/api-keys.spec.ts"],
};

describe("pages", () => {
  it("links every page a project has from the app's navigation, in order", () => {
    expect(file(plan(), "src/config/navigation.ts")).toMatch(
      /"\/chat"[\s\S]*"\/files"[\s\S]*"\/billing"[\s\S]*"\/settings"/,
    );
    const bare = file(plan({ payments: "none", storage: "none" }), "src/config/navigation.ts");
    expect(bare).toContain('"/chat"');
    expect(bare).not.toMatch(/billing|files/);
  });

  it("gives billing, files and API keys pages and browser tests only to projects that have them", () => {
    const full = plan();
    for (const page of Object.values(featurePages).flat()) expect(hasFile(full, page), page).toBe(true);
    const bare = plan({ payments: "none", storage: "none", apiKeys: false });
    for (const page of Object.values(featurePages).flat()) expect(hasFile(bare, page), page).toBe(false);
  });

  it("puts the API keys section in settings and pricing on the landing page only with their features", () => {
    expect(file(plan(), "src/components/settings/sections.ts")).toContain("ApiKeysSection");
    expect(file(plan({ apiKeys: false }), "src/components/settings/sections.ts")).not.toContain("ApiKeys");
    expect(file(plan(), "src/components/home/sections.ts")).toContain("PricingSection");
    expect(file(plan({ payments: "none" }), "src/components/home/sections.ts")).toMatch(
      /homeSections: ComponentType\[\] = \[\n {2}\/\/ One entry a line[^\n]*\n\];/,
    );
  });

  it("gives every project browser tests against a fake model of its own AI provider", () => {
    for (const { id: ai } of providers.ai) {
      const planned = plan({ ai });
      expect(hasFile(planned, "playwright.config.ts")).toBe(true);
      expect(hasFile(planned, "e2e/support/fake-model.mjs"), ai).toBe(true);
      // The provider's wire format, which the CLI's end-to-end fake speaks too (test/e2e/support/fake-ai.ts).
      expect(hasFile(planned, "e2e/support/model-api.mjs"), ai).toBe(true);
      expect(hasFile(planned, "e2e/support/fake-model-env.ts"), ai).toBe(true);
      expect(planned.devDependencies).toHaveProperty("@playwright/test");
    }
  });
});

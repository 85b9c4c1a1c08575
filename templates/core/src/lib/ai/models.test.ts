import { describe, expect, it } from "vitest";
import { models } from "@/config/models";
import { modelIds, resolveModel } from "./models";

describe("resolveModel", () => {
  it("defaults to the first configured model", () => {
    expect(resolveModel(undefined).id).toBe(process.env.AI_DEFAULT_MODEL ?? models[0]!.id);
  });

  it("refuses a model the app does not offer with the valid ids", () => {
    expect(() => resolveModel("no-such-model")).toThrowError(
      expect.objectContaining({ code: "INVALID_MODEL", details: { model: "no-such-model", validModels: modelIds } }),
    );
  });
});

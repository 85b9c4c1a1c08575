import type { ItemDescriptor } from "../types.js";

/** No uploads: no upload or files routes, no uploads table, no storage dependency. */
export const noStorage: ItemDescriptor<"none"> = {
  id: "none",
  label: "None",
  hint: "no uploads for now: npx create-craftjs add storage <backend> later",
};

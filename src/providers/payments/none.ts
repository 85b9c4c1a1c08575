import type { ItemDescriptor } from "../types.js";

/** No payments: no billing routes, tables or dependencies; every user stays on the plan the database gives them. */
export const noPayments: ItemDescriptor<"none"> = {
  id: "none",
  label: "None",
  hint: "no billing for now: npx create-craftjs add payments <provider> later",
};

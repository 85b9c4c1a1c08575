import { fileURLToPath } from "node:url";

/** The built CLI the suite runs, as a user's `npx create-craftjs` would. */
export const CLI = fileURLToPath(new URL("../../../bin/create-craftjs.js", import.meta.url));

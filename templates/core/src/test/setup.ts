import { existsSync } from "node:fs";
import { afterAll } from "vitest";
import { createTestDatabase } from "./database";

if (!existsSync("drizzle/meta/_journal.json")) {
  throw new Error("No migrations in drizzle/: run the db:generate script first.");
}

// Each test file gets a database of its own, created before the app's modules read DATABASE_URL.
const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  await database.drop();
});

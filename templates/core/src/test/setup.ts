import { afterAll, inject } from "vitest";
import { copyTemplateDatabase } from "./database";

// Each test file gets a database of its own, created before the app's modules read DATABASE_URL.
const database = await copyTemplateDatabase(inject("templateDatabaseUrl"));
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  await database.drop();
});

import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A test file's own database: a copy of the migrated template (template-database.ts), in a folder of its own. */
export async function copyTemplateDatabase(templateUrl: string): Promise<TestDatabase> {
  const database = await temporaryDatabase("test.db");
  await copyFile(fileOf(templateUrl), fileOf(database.url));
  return database;
}

/** An empty SQLite file's URL in a temporary folder, and how to remove the folder. */
export async function temporaryDatabase(name: string): Promise<TestDatabase> {
  const folder = await mkdtemp(path.join(tmpdir(), "craftjs-test-"));
  return { url: `file:${path.join(folder, name)}`, drop: () => rm(folder, { recursive: true, force: true }) };
}

function fileOf(url: string): string {
  return url.replace(/^file:/, "");
}

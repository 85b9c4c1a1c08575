import { integer, sqliteTable } from "drizzle-orm/sqlite-core";

/** The column types the schema is written in, as SQLite stores them. */
export { index, integer, text, uniqueIndex } from "drizzle-orm/sqlite-core";
export const table = sqliteTable;
export const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
export const boolean = (name: string) => integer(name, { mode: "boolean" });

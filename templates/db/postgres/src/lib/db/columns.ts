import { pgTable, timestamp as pgTimestamp } from "drizzle-orm/pg-core";

/** The column types the schema is written in, as PostgreSQL stores them. */
export { boolean, index, integer, text, uniqueIndex } from "drizzle-orm/pg-core";
export const table = pgTable;
export const timestamp = (name: string) => pgTimestamp(name, { withTimezone: true, mode: "date" });

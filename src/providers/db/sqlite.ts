import type { ItemDescriptor } from "../types.js";

export const sqlite: ItemDescriptor<"sqlite"> = {
  id: "sqlite",
  label: "SQLite",
  hint: "embedded: one file under data/, nothing to start",
  templates: "db/sqlite",
  dependencies: ["@libsql/client"],
  templateData: { drizzleDialect: "turso" },
  env: [
    {
      name: "DATABASE_URL",
      comment: "The SQLite database file, as a file: URL relative to the project folder.",
      schema: 'z.string().startsWith("file:")',
      example: "file:./data/app.db",
      value: () => "file:./data/app.db",
    },
  ],
};

import type { ItemDescriptor } from "../types.js";

export function defaultPostgresUrl(projectName: string): string {
  const database = projectName.replace(/^@[^/]+\//, "").replace(/[^a-z0-9_]/gi, "_");
  return `postgres://postgres@127.0.0.1:5432/${database}`;
}

export const postgres: ItemDescriptor<"postgres"> = {
  id: "postgres",
  label: "PostgreSQL",
  hint: "a server you run: DATABASE_URL points at it",
  templates: "db/postgres",
  dependencies: ["pg"],
  devDependencies: ["@types/pg"],
  templateData: { drizzleDialect: "postgresql" },
  async preflight({ name, options, reporter }) {
    const url = typeof options.databaseUrl === "string" ? options.databaseUrl : defaultPostgresUrl(name);
    const { ensureDatabase } = await import("./postgres-server.js");
    const database = await reporter.task("Checking the PostgreSQL server", () => ensureDatabase(url));
    if (database.created) reporter.info(`Created database ${database.database} on ${database.host}:${database.port}.`);
    return { database };
  },
  env: [
    {
      name: "DATABASE_URL",
      comment: "The PostgreSQL connection string. The database must exist before `db:migrate`.",
      schema: 'z.string().regex(/^postgres(ql)?:\\/\\//, "must be a postgres:// URL")',
      example: "postgres://postgres@127.0.0.1:5432/craftjs",
      value: ({ name, options }) =>
        typeof options.databaseUrl === "string" ? options.databaseUrl : defaultPostgresUrl(name),
      ci: "postgres://postgres:postgres@localhost:5432/app",
    },
  ],
  ciServices: [
    {
      name: "postgres",
      image: "postgres:17.6",
      port: 5432,
      env: { POSTGRES_PASSWORD: "postgres", POSTGRES_DB: "app" },
      healthCommand: "pg_isready -U postgres",
    },
  ],
};

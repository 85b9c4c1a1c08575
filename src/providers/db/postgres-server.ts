import type pg from "pg";
import { refusal } from "../../errors.js";

/** Where the app's database lives, as the driver resolved it from the connection string (and PG* variables). */
interface Server {
  host: string;
  port: number;
  user: string;
  database: string;
}

/** How long reaching the server may take before it counts as unreachable. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Makes sure the migrations will find their PostgreSQL database, before anything is written or installed: the app's
 * database is connected to as it is (an existing one is accepted as is); a missing one is created from the server's
 * `postgres` maintenance database when the user may. An unreachable server, a refused login or a database that cannot
 * be made is refused with the host, the port, the driver's reason and the fix.
 *
 * The driver is `pg`, a dependency of the CLI loaded only here: SQLite users never load it, and speaking PostgreSQL's
 * protocol (startup, SCRAM, TLS) by hand would be a second driver to keep right.
 */
export async function ensureDatabase(url: string): Promise<{ database: string; host: string; port: number; created: boolean }> {
  const { default: driver } = await import("pg");
  let app: pg.Client;
  try {
    app = new driver.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  } catch (error) {
    throw refusal("INVALID_OPTIONS", `--database-url cannot be read as a connection string (${reasonOf(error)}).`);
  }
  const server: Server = { host: app.host, port: app.port, user: app.user ?? "", database: app.database ?? "" };
  const summary = { database: server.database, host: server.host, port: server.port };
  try {
    await session(app, async () => {});
    return { ...summary, created: false };
  } catch (error) {
    if (codeOf(error) !== "3D000") throw unavailable(error, server, url);
  }
  const maintenance = new driver.Client({ connectionString: withDatabase(url, "postgres"), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await session(maintenance, (client) => client.query(`create database ${quoteIdentifier(server.database)}`));
  } catch (error) {
    // Made meanwhile by someone else: it exists, which is all the migrations need.
    if (codeOf(error) === "42P04") return { ...summary, created: false };
    throw cannotCreate(error, server);
  }
  return { ...summary, created: true };
}

/** Connects, runs `work`, and always disconnects. */
async function session(client: pg.Client, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  client.on("error", () => {}); // a connection lost after a failed query is reported by that query
  try {
    await client.connect();
    await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The same connection string pointing at another database of the server. */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function codeOf(error: unknown): string | undefined {
  return (error as { code?: string }).code;
}

function reasonOf(error: unknown): string {
  return (error as Error).message || String(error);
}

/** A connection string with placeholders where the user puts what the server accepts. */
function exampleUrl(server: Server, user = "USER"): string {
  return `postgres://${user}:PASSWORD@${server.host}:${server.port}/${server.database}`;
}

const LOGIN_REFUSED = new Set(["28P01", "28000"]);

function unavailable(error: unknown, server: Server, url: string) {
  const where = `${server.host}:${server.port}`;
  const details = { ...server, reason: reasonOf(error) };
  const later = "  Or set the database up later: --no-migrate (and run the migration once the server is up)";
  const loginRefused = LOGIN_REFUSED.has(codeOf(error) ?? "") || /password/i.test(reasonOf(error));
  if (loginRefused) {
    const missingPassword = !new URL(url).password && /password must be a string|no password/i.test(reasonOf(error));
    return refusal(
      "DATABASE_UNAVAILABLE",
      `PostgreSQL at ${where} refused user "${server.user}" (${missingPassword ? "it asks for a password and the URL has none" : reasonOf(error)}). ` +
        "Nothing was written.\n" +
        `  Give a user and password it accepts: --database-url ${exampleUrl(server)}\n${later}`,
      details,
    );
  }
  if (codeOf(error) && /^[0-9A-Z]{5}$/.test(codeOf(error)!)) {
    return refusal(
      "DATABASE_UNAVAILABLE",
      `PostgreSQL at ${where} refused the connection to "${server.database}" as "${server.user}" (${reasonOf(error)}). ` +
        `Nothing was written.\n  Fix the connection string: --database-url ${exampleUrl(server)}\n${later}`,
      details,
    );
  }
  return refusal(
    "DATABASE_UNAVAILABLE",
    `Cannot reach PostgreSQL at ${where} (${reasonOf(error)}). Nothing was written.\n` +
      `  Start the server there, or give the address of yours: --database-url ${exampleUrl(server)}\n${later}`,
    details,
  );
}

function cannotCreate(error: unknown, server: Server) {
  return refusal(
    "DATABASE_UNAVAILABLE",
    `The database "${server.database}" does not exist on ${server.host}:${server.port}, and user "${server.user}" ` +
      `cannot create it (${reasonOf(error)}). Nothing was written.\n` +
      `  Create it as a user who may: createdb -h ${server.host} -p ${server.port} -U postgres ${server.database}\n` +
      "  Or point --database-url at a database that exists.",
    { ...server, reason: reasonOf(error) },
  );
}

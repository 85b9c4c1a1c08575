import { describe, expect, it } from "vitest";
import { isDatabaseOutage } from "./outage";

function withCode(code: string, message = "failed"): Error {
  return Object.assign(new Error(message), { code });
}

describe("isDatabaseOutage", () => {
  it("recognises PostgreSQL down, restarting or refusing connections", () => {
    expect(isDatabaseOutage(withCode("ECONNREFUSED"))).toBe(true);
    expect(isDatabaseOutage(withCode("57P01", "terminating connection due to administrator command"))).toBe(true);
    expect(isDatabaseOutage(new Error("Connection terminated due to connection timeout"))).toBe(true);
    expect(isDatabaseOutage(new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")]))).toBe(true);
  });

  it("recognises an SQLite file that cannot be opened or is locked, extended codes included", () => {
    expect(isDatabaseOutage(withCode("SQLITE_CANTOPEN"))).toBe(true);
    expect(isDatabaseOutage(withCode("SQLITE_BUSY"))).toBe(true);
    expect(isDatabaseOutage(withCode("SQLITE_IOERR_READ"))).toBe(true);
    const unopened = 'ConnectionFailed("Unable to open connection to local database /missing/app.db: 14")';
    expect(isDatabaseOutage(withCode("", unopened))).toBe(true);
  });

  it("looks through the errors that wrap the driver's", () => {
    const drizzle = new Error("Failed query: select 1", { cause: withCode("ECONNREFUSED") });
    expect(isDatabaseOutage(new Error("Better Auth failed", { cause: drizzle }))).toBe(true);
  });

  it("leaves a query's own mistakes alone", () => {
    expect(isDatabaseOutage(withCode("23505", "duplicate key value violates unique constraint"))).toBe(false);
    expect(isDatabaseOutage(withCode("SQLITE_CONSTRAINT_UNIQUE"))).toBe(false);
    expect(isDatabaseOutage(new Error('relation "users" does not exist'))).toBe(false);
    expect(isDatabaseOutage("ECONNREFUSED")).toBe(false);
  });
});

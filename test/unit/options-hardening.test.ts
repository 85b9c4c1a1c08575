import { describe, expect, it } from "vitest";
import { CliError } from "../../src/errors.js";
import { validatePackageName } from "../../src/package-name.js";
import { resolveOptions } from "../../src/resolve.js";

function refusal(given: Record<string, unknown>): string {
  try {
    resolveOptions({ directory: "/tmp/craftjs-never-written/app", ...given });
  } catch (error) {
    if (error instanceof CliError) return error.message;
    throw error;
  }
  throw new Error(`Expected a refusal for ${JSON.stringify(given)}`);
}

describe("Windows-reserved names", () => {
  it.each(["con", "nul", "aux", "prn", "com1", "com9", "lpt1", "lpt9", "con.txt", "nul.app", "aux.d.ts"])(
    "refuses %s as a project name, saying why",
    (name) => {
      expect(validatePackageName(name)).toContainEqual(`"${name}" is a device name Windows reserves, no folder can have it`);
      expect(refusal({ directory: `/tmp/somewhere/${name}` })).toContain("Windows reserves");
    },
  );

  it("refuses them in any case", () => {
    expect(refusal({ directory: "/tmp/somewhere/CON" })).toContain("Windows reserves");
    expect(refusal({ directory: "/tmp/somewhere/Lpt3.App" })).toContain("Windows reserves");
  });

  it.each(["null", "com", "com10", "lpt0", "auxiliary", "icon", "my-con"])("accepts %s", (name) => {
    expect(validatePackageName(name)).toEqual([]);
  });
});

describe("--cors-origins", () => {
  it.each([
    ["https://*.example.com", /must not contain a wildcard/],
    ["*", /must be an origin|must not contain a wildcard/],
    ["https://app.example.com:99999", /port from 1 to 65535 \(https:\/\/app\.example\.com:99999 has 99999\)/],
    ["http://localhost:0", /port from 1 to 65535/],
    ["https://exa%mple.com", /must be a valid origin \(https:\/\/exa%mple\.com is not\)/],
    ["https://app.example.com/path", /must be an origin/],
  ])("refuses %s with a message", (value, reason) => {
    const message = refusal({ corsOrigins: value });
    expect(message).toContain("--cors-origins");
    expect(message).toMatch(reason);
  });

  it("accepts real origins, with a port, IPv6 and several at once", () => {
    const origins = ["https://admin.example.com", "http://localhost:3000", "http://[::1]:8080", "https://example.org:8443"];
    expect(resolveOptions({ directory: "/tmp/x/app", corsOrigins: origins.join(",") }).corsOrigins).toEqual(origins);
  });
});

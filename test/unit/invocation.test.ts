import path from "node:path";
import { describe, expect, it } from "vitest";
import { asStarted, cliCommand } from "../../src/invocation.js";

describe("the CLI as the next steps name it", () => {
  it("is the published command when it runs from an installed package (npx, a dependency)", () => {
    const npx = path.join("/home/me/.npm/_npx/0a1b/node_modules/.bin/create-craftjs");
    expect(cliCommand("/home/me/my-app", npx)).toBe("npx create-craftjs");
    expect(asStarted("npx create-craftjs add email resend", "/home/me/my-app")).toMatch(/create-craftjs(\.js)? add email resend$/);
  });

  it("is this clone's own script, from the new project, when it runs from a clone", () => {
    const clone = "/home/me/src/create-craftjs/bin/create-craftjs.js";
    expect(cliCommand("/home/me/my-app", clone)).toBe("node ../src/create-craftjs/bin/create-craftjs.js");
  });
});

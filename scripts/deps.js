// `npm run deps`: every pin a generated app can get (src/versions.ts) and this CLI's own (package.json) beside the
// registry's newest release, so a maintainer sees what is stale in one command. Prints; changes nothing; exits 0
// unless the registry could not be asked at all. Majors behind are marked, since those want a migration guide read.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { versions } from "../dist/versions.js";

const run = promisify(execFile);
const own = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const pins = [
  ...Object.entries(versions).map(([name, version]) => ({ name, version, where: "app" })),
  ...Object.entries({ ...own.dependencies, ...own.devDependencies }).map(([name, version]) => ({ name, version, where: "cli" })),
];

/** The registry's `latest` tag for a package, or the reason it could not be read. */
async function latest(name) {
  try {
    const { stdout } = await run("npm", ["view", name, "version"], { timeout: 30_000 });
    return stdout.trim().split("\n").pop().replace(/^.*'(.*)'$/, "$1");
  } catch (error) {
    return { error: String(error.stderr || error.message).split("\n")[0] };
  }
}

const major = (version) => Number(version.split(".")[0] === "0" ? version.split(".")[1] / 1000 : version.split(".")[0]);
const queue = [...new Set(pins.map((pin) => pin.name))];
const newest = new Map();
await Promise.all(
  Array.from({ length: 8 }, async () => {
    for (let name = queue.shift(); name; name = queue.shift()) newest.set(name, await latest(name));
  }),
);

const rows = pins.map(({ name, version, where }) => {
  const found = newest.get(name);
  if (typeof found !== "string") return [where, name, version, "?", `not read: ${found.error}`];
  if (found === version) return [where, name, version, found, ""];
  return [where, name, version, found, major(found) > major(version) ? "major behind" : "behind"];
});
const widths = [3, 30, 14, 14].map((min, column) => Math.max(min, ...rows.map((row) => row[column].length)));
const line = (row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd();
console.log(line(["for", "package", "pinned", "newest", "status"]));
for (const row of rows.sort((a, b) => (a[4] === b[4] ? 0 : a[4] ? -1 : 1))) console.log(line(row));
const stale = rows.filter((row) => row[4]).length;
console.log(`\n${stale} of ${rows.length} pins are not the newest release (${rows.length - stale} current).`);
if (rows.every((row) => row[3] === "?")) process.exitCode = 1;

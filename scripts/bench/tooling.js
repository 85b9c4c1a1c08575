// Section 4: the generated app's own tooling on a fresh app, as a developer runs it: wall time of each script.
import { formatSeconds, median, table } from "./stats.js";
import { run } from "../lib/local-app.js";

/** The app's own checks; `test` (goal: 35 s) runs every test file on a copy of one migrated database. */
const SCRIPTS = ["lint", "format:check", "typecheck", "test"];

/** Runs each script `runs` times in the app (the first run included: a developer's first run is cold too). */
export async function benchTooling(appDir, { runs }) {
  const rows = [["script", "median", "first", "runs"]];
  for (const script of SCRIPTS) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await run("npm", ["run", script], { cwd: appDir });
      times.push(performance.now() - started);
    }
    rows.push([`npm run ${script}`, formatSeconds(median(times)), formatSeconds(times[0]), String(runs)]);
  }
  console.log(table(rows));
}

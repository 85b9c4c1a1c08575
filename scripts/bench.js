// Prints the median wall time of a full render (no install, migrations or git) and of `--help`, over 10 runs each.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../bin/create-craftjs.js", import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 10);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function time(label, args, cwd) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    execFileSync(process.execPath, [cli, ...args(i)], { cwd, stdio: "ignore", env: { ...process.env, CI: "1" } });
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const fmt = (ms) => `${ms.toFixed(0)} ms`;
  console.log(`${label.padEnd(44)} median ${fmt(median(samples)).padStart(7)}   min ${fmt(Math.min(...samples)).padStart(7)}   max ${fmt(Math.max(...samples)).padStart(7)}`);
}

const workDir = mkdtempSync(path.join(os.tmpdir(), "craftjs-bench-"));
try {
  console.log(`create-craftjs bench: ${runs} runs each, node ${process.version}`);
  time("create-craftjs --help", () => ["--help"], workDir);
  for (const db of ["sqlite", "postgres"]) {
    time(`render --db ${db} --no-install --no-git`, (i) => [`app-${db}-${i}`, "--db", db, "--no-install", "--no-migrate", "--no-git"], workDir);
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

// Section 1: median wall time of `create-craftjs --help`, of a full render (no install, migrations or git), and of
// `create-craftjs add` restoring a deleted route and finding nothing to do.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { median } from "./stats.js";

export function benchCli({ cli, runs, workDir }) {
  console.log(`\n1. CLI wall time (${runs} runs each)`);
  const renderDir = mkdtempSync(path.join(workDir, "renders-"));
  try {
    time(cli, runs, "create-craftjs --help", () => ["--help"], renderDir);
    for (const db of ["sqlite", "postgres"]) {
      time(cli, runs, `render --db ${db} --no-install --no-git`, (i) => [`app-${db}-${i}`, "--db", db, "--no-install", "--no-migrate", "--no-git"], renderDir);
    }
    const project = path.join(renderDir, "app-sqlite-0");
    const route = path.join(project, "src", "app", "api", "chats", "route.ts");
    time(cli, runs, "add chats (restores a deleted route)", () => {
      rmSync(route);
      return ["add", "chats", "--yes"];
    }, project);
    time(cli, runs, "add chats (nothing to do)", () => ["add", "chats", "--yes"], project);
  } finally {
    rmSync(renderDir, { recursive: true, force: true });
  }
}

function time(cli, runs, label, args, cwd) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    execFileSync(process.execPath, [cli, ...args(i)], { cwd, stdio: "ignore", env: { ...process.env, CI: "1" } });
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const fmt = (ms) => `${ms.toFixed(0)} ms`;
  console.log(`  ${label.padEnd(44)} median ${fmt(median(samples)).padStart(7)}   min ${fmt(Math.min(...samples)).padStart(7)}   max ${fmt(Math.max(...samples)).padStart(7)}`);
}

// Section 1: the CLI's CPU time (user + system, the whole process) against create-t3-app's, measured in the same run
// and interleaved (craftjs, t3, craftjs, t3, ...) so that a busy moment of the machine costs both alike: `--help`, and
// a render without install or git. Then `create-craftjs add` restoring a deleted route and finding nothing to do.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { median } from "./stats.js";

/** The anchor: create-t3-app at a pinned version, installed into the bench's own folder (never into the CLI's). */
const T3_VERSION = "7.40.0";
/** create-t3-app's fullest stack, the nearest to what create-craftjs renders (Next App Router, auth, Drizzle, Tailwind). */
const T3_STACK = ["--CI", "--tailwind", "--trpc", "--drizzle", "--nextAuth", "--appRouter", "--dbProvider", "sqlite", "--noGit", "--noInstall"];
/** The goals, as ratios of medians against create-t3-app. */
const GOALS = { help: 0.5, render: 0.4 };

export function benchCli({ cli, runs, workDir }) {
  console.log(`\n1. CLI CPU time (user + system of the whole process), ${runs} interleaved runs against create-t3-app ${T3_VERSION}`);
  const t3 = installT3(workDir);
  const renderDir = mkdtempSync(path.join(workDir, "renders-"));
  try {
    const figures = {
      help: { craftjs: [], t3: [] },
      render: { craftjs: [], t3: [] },
    };
    let files = { craftjs: 0, t3: 0 };
    for (let i = 0; i < runs; i++) {
      figures.help.craftjs.push(cpuOf([cli, "--help"], renderDir));
      figures.help.t3.push(cpuOf([t3, "--help"], renderDir));
      figures.render.craftjs.push(cpuOf([cli, `app-${i}`, "--no-install", "--no-migrate", "--no-git"], renderDir));
      figures.render.t3.push(cpuOf([t3, `t3-${i}`, ...T3_STACK], renderDir));
      files = { craftjs: countFiles(path.join(renderDir, `app-${i}`)), t3: countFiles(path.join(renderDir, `t3-${i}`)) };
    }
    printRatio("create-craftjs --help", figures.help, GOALS.help);
    printRatio(`render, no install (${files.craftjs} files vs ${files.t3})`, figures.render, GOALS.render);

    const project = path.join(renderDir, "app-0");
    const route = path.join(project, "src", "app", "api", "chats", "route.ts");
    printCpu("add chats (restores a deleted route)", repeat(runs, () => {
      rmSync(route);
      return cpuOf([cli, "add", "chats", "--yes"], project);
    }));
    printCpu("add chats (nothing to do)", repeat(runs, () => cpuOf([cli, "add", "chats", "--yes"], project)));
  } finally {
    rmSync(renderDir, { recursive: true, force: true });
  }
}

function installT3(workDir) {
  const prefix = path.join(workDir, "create-t3-app");
  execFileSync("npm", ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--no-save", `create-t3-app@${T3_VERSION}`], { stdio: "ignore" });
  return path.join(prefix, "node_modules", "create-t3-app", "dist", "index.js");
}

/** The CPU milliseconds a Node.js command took: this process's children's time (from /proc) before and after it. */
function cpuOf(args, cwd) {
  const before = childrenCpuMs();
  execFileSync(process.execPath, args, { cwd, stdio: "ignore", env: { ...process.env, CI: "1" } });
  return childrenCpuMs() - before;
}

/** cutime + cstime of this process (the CPU of the children it has waited for), in milliseconds. */
function childrenCpuMs() {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here.
  return (Number(fields[13]) + Number(fields[14])) * (1000 / CLOCK_TICKS);
}

/** Linux's USER_HZ, the unit of /proc's times, is 100 on every platform Node.js supports. */
const CLOCK_TICKS = 100;

function repeat(runs, sample) {
  return Array.from({ length: runs }, sample);
}

function countFiles(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

const ms = (value) => `${value.toFixed(0)} ms`.padStart(7);
const spread = (samples) => `median ${ms(median(samples))}   min ${ms(Math.min(...samples))}   max ${ms(Math.max(...samples))}`;

function printRatio(label, { craftjs, t3 }, goal) {
  const ratio = median(craftjs) / median(t3);
  const perRun = craftjs.map((value, index) => value / t3[index]);
  console.log(`  ${label.padEnd(44)} create-craftjs ${spread(craftjs)}`);
  console.log(`  ${"".padEnd(44)} create-t3-app  ${spread(t3)}`);
  console.log(
    `  ${"".padEnd(44)} ratio ${ratio.toFixed(2)}× (runs ${Math.min(...perRun).toFixed(2)}–${Math.max(...perRun).toFixed(2)}×), ` +
      `goal ≤ ${goal}×: ${ratio <= goal ? "met" : "not met"}`,
  );
}

function printCpu(label, samples) {
  console.log(`  ${label.padEnd(44)} create-craftjs ${spread(samples)}`);
}

#!/usr/bin/env node
// The Node.js check comes first and loads nothing else, so an old Node gets one sentence instead of a syntax error or
// a half-written project. Keep the floor equal to `engines` in package.json.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `create-craftjs needs Node.js 22.12 or newer (Node.js 24 LTS recommended); this is Node.js ${process.versions.node}.`,
  );
  process.exit(1);
}

// V8 keeps the compiled CLI in Node's compile cache (the OS temp folder), so every run after the first skips compiling.
const { enableCompileCache } = await import("node:module");
enableCompileCache?.();
const { main } = await import("../dist/cli.js");
main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);

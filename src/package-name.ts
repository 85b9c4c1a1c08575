import { builtinModules } from "node:module";

const RESERVED = new Set(["node_modules", "favicon.ico"]);

/** npm's rules for a new package name; each problem as a sentence. Empty when the name is valid. */
export function validatePackageName(name: string): string[] {
  const problems: string[] = [];
  if (name.length === 0) return ["the name must not be empty"];
  if (name.length > 214) problems.push("the name must be at most 214 characters");
  if (name !== name.toLowerCase()) problems.push("the name must be lowercase");
  if (/^[._]/.test(name)) problems.push("the name must not start with a dot or an underscore");
  if (name.trim() !== name) problems.push("the name must not start or end with spaces");
  if (/[~'!()*]/.test(name)) problems.push("the name must not contain ~'!()*");
  if (RESERVED.has(name)) problems.push(`"${name}" is a reserved name`);
  if (builtinModules.includes(name)) problems.push(`"${name}" is a Node.js core module name`);
  if (encodeURIComponent(name) !== name) {
    problems.push("the name may only contain URL-safe characters (letters, digits, - . _)");
  }
  return problems;
}

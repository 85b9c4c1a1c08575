import { builtinModules } from "node:module";

const RESERVED = new Set(["node_modules", "favicon.ico"]);

/** Device names Windows reserves in every folder, in any case and with any extension: such a folder cannot be made. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

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
  if (WINDOWS_DEVICE.test(name)) problems.push(`"${name}" is a device name Windows reserves, no folder can have it`);
  if (builtinModules.includes(name)) problems.push(`"${name}" is a Node.js core module name`);
  if (encodeURIComponent(name) !== name) {
    problems.push("the name may only contain URL-safe characters (letters, digits, - . _)");
  }
  return problems;
}

/**
 * A valid package name close to `name`, to suggest when it is refused: lower-cased, runs of characters npm refuses
 * made one dash, no leading dot, underscore or dash, at most 214 characters; "my-app" when nothing is left, and with
 * "-app" after a reserved or core module name.
 */
export function suggestPackageName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+/, "")
    .replace(/-+$/, "")
    .slice(0, 214);
  if (cleaned === "") return "my-app";
  return validatePackageName(cleaned).length === 0 ? cleaned : `${cleaned.slice(0, 210)}-app`;
}

/**
 * The name people see (the header, page titles, mails) for a package name: its words title-cased, "my-app" as
 * "My App". The package name stays the folder's; --app-name (or src/config/site.ts later) renames it.
 */
export function displayNameOf(packageName: string): string {
  const words = packageName.split(/[-_.\s]+/).filter(Boolean);
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(" ") || packageName;
}

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { alignMarkdownTable, entriesArrayStatement } from "./template-layout.js";

Handlebars.registerHelper("eq", (left: unknown, right: unknown) => left === right);
// A string as a double-quoted literal, which YAML reads back exactly.
Handlebars.registerHelper("quote", (value: unknown) => JSON.stringify(String(value)));
// `{{#table}}| a | b |...{{/table}}`: the Markdown table inside, its columns aligned.
Handlebars.registerHelper("table", function (this: unknown, options: Handlebars.HelperOptions) {
  return alignMarkdownTable(options.fn(this));
});
// `{{#entries}}export const list = [a, b];{{/entries}}`: the list one element a line, so edits merge by entry.
Handlebars.registerHelper("entries", function (this: unknown, options: Handlebars.HelperOptions) {
  return entriesArrayStatement(options.fn(this));
});

export const TEMPLATES_DIR = fileURLToPath(new URL("../templates/", import.meta.url));

/** Files npm would drop or mangle when publishing are stored under another name and renamed on render. */
const RENAMES: Record<string, string> = { _gitignore: ".gitignore" };

export interface TemplateFile {
  /** Path in the generated project. */
  target: string;
  render(data: object): string;
}

const cache = new Map<string, TemplateFile[]>();

/** The files of one template folder; `*.hbs` files are Handlebars templates, every other file is copied verbatim. */
export function loadTemplateFolder(folder: string): TemplateFile[] {
  const cached = cache.get(folder);
  if (cached) return cached;
  const root = path.join(TEMPLATES_DIR, folder);
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => loadTemplateFile(root, path.join(entry.parentPath, entry.name)));
  cache.set(folder, files);
  return files;
}

function loadTemplateFile(root: string, file: string): TemplateFile {
  const relative = path.relative(root, file).split(path.sep);
  const base = relative.pop()!;
  const isTemplate = base.endsWith(".hbs");
  const name = isTemplate ? base.slice(0, -".hbs".length) : base;
  const target = [...relative, RENAMES[name] ?? name].join("/");
  const source = readFileSync(file, "utf8");
  if (!isTemplate) return { target, render: () => source };
  let compiled: HandlebarsTemplateDelegate | undefined;
  return {
    target,
    render(data) {
      compiled ??= Handlebars.compile(source, { noEscape: true, strict: true });
      try {
        return compiled(data);
      } catch (error) {
        throw new Error(`Template ${path.relative(TEMPLATES_DIR, file)} failed to render: ${(error as Error).message}`);
      }
    },
  };
}

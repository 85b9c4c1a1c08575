import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type HandlebarsModule from "handlebars";
// Bundled with the CLI (a require by name is not): its dozen modules were a fifth of a render's CPU.
import handlebarsRuntime from "handlebars/runtime";
import { alignMarkdownTable, entriesArrayStatement } from "./template-layout.js";

type Handlebars = typeof HandlebarsModule;
const requireModule = createRequire(import.meta.url);

export const TEMPLATES_DIR = fileURLToPath(new URL("../templates/", import.meta.url));

/**
 * The templates the build packed beside the bundled CLI (scripts/build.js): every file by its path under templates/,
 * the Handlebars ones precompiled. Absent when the CLI runs from its sources (the tests), which read and compile the
 * folders instead.
 */
const PACKED_TEMPLATES = fileURLToPath(new URL("./templates.cjs", import.meta.url));
type PackedFile = [path: string, content: string] | [path: string, content: null, spec: TemplateSpecification];

/** The helpers the templates use, on the Handlebars instance that renders them (the runtime, or the compiler). */
function withHelpers(handlebars: Handlebars): Handlebars {
  handlebars.registerHelper("eq", (left: unknown, right: unknown) => left === right);
  // A string as a double-quoted literal, which YAML reads back exactly.
  handlebars.registerHelper("quote", (value: unknown) => JSON.stringify(String(value)));
  // `{{#table}}| a | b |...{{/table}}`: the Markdown table inside, its columns aligned.
  handlebars.registerHelper("table", function (this: unknown, options: HandlebarsModule.HelperOptions) {
    return alignMarkdownTable(options.fn(this));
  });
  // `{{#entries}}export const list = [a, b];{{/entries}}`: the list one element a line, so edits merge by entry.
  handlebars.registerHelper("entries", function (this: unknown, options: HandlebarsModule.HelperOptions) {
    return entriesArrayStatement(options.fn(this));
  });
  return handlebars;
}

let packed: PackedFile[] | undefined | null;
let runtime: Handlebars | undefined;
let compiler: Handlebars | undefined;

function packedTemplates(): PackedFile[] | undefined {
  if (packed === undefined) packed = existsSync(PACKED_TEMPLATES) ? requireModule(PACKED_TEMPLATES) : null;
  return packed ?? undefined;
}

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
  const fromBuild = packedTemplates();
  const files = fromBuild ? packedFolder(fromBuild, folder) : readFolder(folder);
  cache.set(folder, files);
  return files;
}

/** The packed files under `folder`, by their paths inside it. */
function packedFolder(files: readonly PackedFile[], folder: string): TemplateFile[] {
  const prefix = `${folder}/`;
  return files
    .filter(([file]) => file.startsWith(prefix))
    .map(([file, content, spec]) => packedFile(file.slice(prefix.length), content, spec));
}

function packedFile(relative: string, content: string | null, spec?: TemplateSpecification): TemplateFile {
  if (content !== null) return templateFile(relative, () => content);
  runtime ??= withHelpers(handlebarsRuntime as Handlebars);
  let compiled: HandlebarsModule.TemplateDelegate | undefined;
  return templateFile(relative, (data) => (compiled ??= runtime!.template(spec!))(data));
}

function readFolder(folder: string): TemplateFile[] {
  const root = path.join(TEMPLATES_DIR, folder);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const relative = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
      const source = readFileSync(path.join(root, relative), "utf8");
      if (!relative.endsWith(".hbs")) return templateFile(relative, () => source);
      compiler ??= withHelpers(requireModule("handlebars") as Handlebars);
      let compiled: HandlebarsModule.TemplateDelegate | undefined;
      return templateFile(relative, (data) => (compiled ??= compiler!.compile(source, { noEscape: true, strict: true }))(data));
    });
}

/** A file of a folder: its path in the project (`.hbs` dropped, renamed if stored under another name) and its render. */
function templateFile(relative: string, render: (data: object) => string): TemplateFile {
  const parts = relative.split("/");
  const base = parts.pop()!;
  const name = base.endsWith(".hbs") ? base.slice(0, -".hbs".length) : base;
  return {
    target: [...parts, RENAMES[name] ?? name].join("/"),
    render(data) {
      try {
        return render(data);
      } catch (error) {
        throw new Error(`Template ${relative} failed to render: ${(error as Error).message}`);
      }
    },
  };
}

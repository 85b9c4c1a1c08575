import type { Dependency } from "../versions.js";

/** What a template or env value can know about the project being generated. */
export interface ProjectContext {
  name: string;
  options: Record<string, unknown>;
}

/** One environment variable a provider needs: documented in .env.example, validated by the app's env module. */
export interface EnvVar {
  name: string;
  comment: string;
  /** The zod expression the generated app validates the variable with; omitted for variables only tools read. */
  schema?: string;
  /** Shown in .env.example; never a secret. */
  example: string;
  /** The value written into .env; a fresh secret for secrets. Omitted: the variable stays unset in .env. */
  value?: (context: ProjectContext) => string;
}

/**
 * Everything the CLI knows about one provider (or the core every project gets), as data:
 * which template folder it contributes, which dependencies and env vars it needs, which schema modules it adds.
 */
export interface ProviderDescriptor {
  /** The value of its option, e.g. "sqlite" for --db sqlite. */
  id: string;
  label: string;
  hint?: string;
  /** Folder under templates/ whose files it contributes, if any. */
  templates?: string;
  dependencies?: readonly Dependency[];
  devDependencies?: readonly Dependency[];
  env?: readonly EnvVar[];
  /** Modules under src/lib/db/schema/ that this provider's tables live in. */
  schemaModules?: readonly string[];
  /** package.json scripts it adds. */
  scripts?: Record<string, string>;
  /** Template values this provider decides (e.g. the database dialect). */
  templateData?: Record<string, string>;
}

import type { Reporter } from "../reporter.js";
import type { Dependency } from "../versions.js";

/** What a template or env value can know about the project being generated. */
export interface ProjectContext {
  name: string;
  options: Record<string, unknown>;
}

/** What a preflight has: the project and the run's options, and the reporter to say what it does. */
export interface PreflightContext extends ProjectContext {
  reporter: Pick<Reporter, "info" | "task">;
}

/** One environment variable an item needs: documented in .env.example, validated by the app's env module. */
export interface EnvVar {
  name: string;
  comment: string;
  /** The zod expression the generated app validates the variable with; omitted for variables only tools read. */
  schema?: string;
  /** Shown in .env.example; never a secret. */
  example: string;
  /** The value written into .env; a fresh secret for secrets. Omitted: the variable stays unset in .env. */
  value?: (context: ProjectContext) => string;
  /**
   * The value the generated CI workflow's job gives it, where .env's would not do: a placeholder for a secret (the
   * workflow is committed), a service container's address. Unset: .env's value, which must then be the same each time.
   */
  ci?: string;
}

/** A service container the generated CI workflow's job runs beside the app's tests (a database, a cache). */
export interface CiService {
  name: string;
  /** An image with its exact tag. */
  image: string;
  port: number;
  env?: Readonly<Record<string, string>>;
  /** How the runner knows it is up before the steps start. */
  healthCommand: string;
}

/** A module export the aggregate files import: `import { name } from "from"`. */
export interface ModuleExport {
  name: string;
  from: string;
}

/** A way a request can authenticate, tried in `order` (lowest first); the first the request presents decides. */
export interface CredentialContribution extends ModuleExport {
  order: number;
  /**
   * What a new password revokes of this kind, in the plural, for the pages and mails that say so ("API keys"): set
   * when its module implements the Credential's `revokeAll`, which a password reset (or a change that signs out
   * everywhere else) calls.
   */
  revokedWithPassword?: string;
}

/** An OAuth sign-in provider, on once both of its env vars are set. */
export interface SocialProviderContribution {
  id: string;
  clientIdEnv: string;
  clientSecretEnv: string;
}

/** An error code a feature's routes answer with. */
export interface ErrorCodeContribution {
  code: string;
  status: number;
}

/** One row of the README's API table. */
export interface RouteDoc {
  path: string;
  methods: string;
  auth: "public" | "yes" | "signature";
  summary: string;
}

/** A paragraph of the README's "How it works" part: `**title.** body`. */
export interface ReadmeSection {
  title: string;
  body: string;
}

/** A link in the signed-in app's navigation, placed by `order` (lowest first). */
export interface NavigationLink {
  href: string;
  label: string;
  order: number;
}

/** How an AI provider is reached: the env vars that point its official SDK at an endpoint and authenticate it. */
export interface AiConnection {
  baseUrlEnv: string;
  apiKeyEnv: string;
}

/**
 * Values an item decides for templates that are not its own, each key set by at most one chosen item (two setting
 * one key is refused when the project is planned).
 */
export interface TemplateData {
  /** drizzle-kit's dialect name. */
  drizzleDialect?: "turso" | "postgresql";
  /**
   * The chosen AI provider's endpoint and key variables: the shared key check's test proves the 503 naming the key's
   * variable (templates/ai/keyed/), and the end-to-end suite points the app at its fake with them.
   */
  ai?: AiConnection;
  /**
   * Set by an email provider that delivers mail: accounts must verify their address before signing in, which lets
   * sign-up answer a taken address exactly as a new one (src/config/auth.ts).
   */
  requireEmailVerification?: boolean;
  /** Where a user goes for a bigger plan, set by the item that sells plans: a spent AI allowance links there. */
  upgradePath?: string;
}

/**
 * Everything the CLI knows about one item a project can have (a provider, a feature, a route, or the core), as data:
 * the files it owns (its template folder) and what it contributes to the files several items feed (aggregates:
 * the auth plugin list, the credentials, the schema index, the env module, the README) and to the merged files
 * (package.json, .env, .env.example).
 */
export interface ItemDescriptor<Id extends string = string> {
  /** The value of its option (`sqlite` for --db sqlite), or its name as an item of `add` (`api-keys`, `chats`). */
  id: Id;
  label: string;
  hint?: string;
  /** Folders under templates/ whose files it owns, if any (a provider may share one with its siblings). */
  templates?: string | readonly string[];
  /**
   * Items it needs beside it, such as its category's shared core (billing for a payment provider): chosen with it,
   * once however many need them, and owning their own files and contributions.
   */
  requires?: readonly ItemDescriptor[];
  dependencies?: readonly Dependency[];
  devDependencies?: readonly Dependency[];
  env?: readonly EnvVar[];
  /** Modules under src/lib/db/schema/ that its tables live in. */
  schemaModules?: readonly string[];
  /** package.json scripts it adds. */
  scripts?: Readonly<Record<string, string>>;
  /**
   * Better Auth plugins, each a module export `{ plugin, tables, serverOnlyPaths }`: the plugin, its tables by model
   * name, and its endpoints that only the app's own code may call (Better Auth answers them 404 over HTTP).
   */
  authPlugins?: readonly ModuleExport[];
  /** Ways a request can authenticate, each a module export implementing the app's `Credential`. */
  credentials?: readonly CredentialContribution[];
  socialProviders?: readonly SocialProviderContribution[];
  errorCodes?: readonly ErrorCodeContribution[];
  /** The API routes it serves, for the README. */
  routes?: readonly RouteDoc[];
  readme?: readonly ReadmeSection[];
  /** What to do before the app uses it fully, printed after create and add. */
  nextSteps?: readonly string[];
  templateData?: TemplateData;
  /** Pages of its own, linked from the signed-in app's navigation. */
  navigation?: readonly NavigationLink[];
  /** Sections of the settings page, each a module export of a React component taking no props. */
  settingsSections?: readonly ModuleExport[];
  /**
   * Origins the pages may send requests to besides the app's own (the Content-Security-Policy's connect-src), each
   * a module export of a function returning an origin, or null while it is not configured.
   */
  connectSources?: readonly ModuleExport[];
  /**
   * Where a user's monthly AI allowance renews, each a module export `(userId) => Promise<Date | undefined>`: the end
   * of their paid billing period. Without one, it renews with the calendar month.
   */
  usageAnchors?: readonly ModuleExport[];
  /** Sections of the landing page below its introduction, each a React component taking no props. */
  homeSections?: readonly ModuleExport[];
  /**
   * What must hold before a run that installs and migrates writes anything (a database server's database must exist,
   * or install and migrations fail minutes later): it refuses with a CliError, or returns what it found for the run's
   * --json outcome.
   */
  preflight?: (context: PreflightContext) => Promise<Record<string, unknown>>;
  /** Service containers the CI workflow needs for the app's tests. */
  ciServices?: readonly CiService[];
}

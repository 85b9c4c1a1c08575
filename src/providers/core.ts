import { randomBytes } from "node:crypto";
import type { ItemDescriptor } from "./types.js";

/** The part of every CraftJS app that no option changes: Next.js, auth, the API kernel, chats. */
export const core: ItemDescriptor<"core"> = {
  id: "core",
  label: "CraftJS core",
  templates: "core",
  dependencies: [
    "next",
    "@next/env",
    "react",
    "react-dom",
    "better-auth",
    "drizzle-orm",
    "zod",
    "ai",
    "@ai-sdk/react",
    "markdown-it",
    "lowlight",
    "highlight.js",
    "clsx",
    "tailwind-merge",
    "class-variance-authority",
    "@radix-ui/react-slot",
    "@radix-ui/react-dropdown-menu",
    "@radix-ui/react-select",
    "@radix-ui/react-tooltip",
    "lucide-react",
    "geist",
  ],
  devDependencies: [
    "typescript",
    "vitest",
    "vite",
    "drizzle-kit",
    "@types/node",
    "@types/hast",
    "@types/react",
    "@types/react-dom",
    "tailwindcss",
    "@tailwindcss/postcss",
    "tw-animate-css",
    "@playwright/test",
    "@axe-core/playwright",
    "eslint",
    "eslint-config-next",
    "prettier",
    "prettier-plugin-tailwindcss",
  ],
  schemaModules: ["auth", "chats", "usage"],
  credentials: [{ name: "sessionCredential", from: "@/lib/auth/session", order: 100 }],
  navigation: [
    { href: "/chat", label: "Chat", order: 10 },
    { href: "/settings", label: "Settings", order: 90 },
  ],
  settingsSections: [
    { name: "ProfileSection", from: "@/components/settings/profile-section" },
    { name: "PasswordSection", from: "@/components/settings/password-section" },
    { name: "SessionsSection", from: "@/components/settings/sessions-section" },
    { name: "PlanUsageSection", from: "@/components/settings/plan-usage-section" },
  ],
  readme: [
    {
      title: "Authentication",
      body:
        "The session cookie Better Auth sets on sign-in. `src/lib/api/credentials.ts` lists every way a request can\n" +
        "authenticate; the first one a request presents decides. A password reset signs the account out everywhere and\n" +
        "revokes its other credentials; so does a password change that signs out the other sessions. `/api/sessions`\n" +
        "lists the sessions by id, never by token, and signs one out; Better Auth's own `/api/auth/list-sessions`,\n" +
        "which would hand out every session's token, answers 404.",
    },
    {
      title: "Rate limits",
      body:
        "Per user and plan, per minute: `src/config/plans.ts` (Free 10, Pro 100, Enterprise 1000). Every\n" +
        "protected route counts; every counted response carries `X-RateLimit-Limit`, `X-RateLimit-Remaining` and\n" +
        "`X-RateLimit-Reset` (epoch ms), and a 429 also `Retry-After`. A Stop is not counted: it ends an answer whose\n" +
        "request was (a route says so with `counted: false` in `endpoint()`).",
    },
    {
      title: "Chat",
      body:
        "The models on offer are listed by `src/config/models.ts`; `AI_DEFAULT_MODEL` picks the default. Each exchange\n" +
        "(the question, and the answer with its token usage) is stored when the answer is complete, also if the client goes\n" +
        "away mid-stream; if the provider breaks off mid-answer, the question and what arrived are stored. The user's Stop\n" +
        "(`POST /api/chats/<id>/stop` with how much of the answer the page showed, not counted against the rate limit)\n" +
        "aborts the provider request at once and stores what was shown, marked `stopped`. The answers being written are\n" +
        "known to the instance writing them: behind a load balancer, a Stop that reaches another instance answers\n" +
        "`{ stopped: false }`, and the answer is finished and stored whole. Characters a database cannot store (NUL, half\n" +
        "a surrogate pair) are stored as U+FFFD.\n" +
        "A provider that fails or stays silent for `AI_TIMEOUT_MS` gives 502 `PROVIDER_ERROR`; one whose API key is not set, 503\n" +
        "`NOT_CONFIGURED` with the variable to set in its message (and in `details.variable`), before anything is sent.",
    },
    {
      title: "Answers on the page",
      body:
        "A model's answer is untrusted input. `src/lib/chat/markdown.ts` parses it with markdown-it (GFM tables, task\n" +
        "lists, strikethrough, autolinks; never HTML; links http(s) and mailto only) into a tree of allowed elements that\n" +
        "React renders, block by block: a streaming answer re-parses only its last block, a block over 16 KB and\n" +
        "everything past 32 KB are plain text, and a stored answer over 64 KB is collapsed on its page with a button for\n" +
        "the rest. Stored answers are parsed on the server; code is highlighted in the browser, per language on first use.",
    },
    {
      title: "AI allowance",
      body:
        "Each plan has a monthly allowance of AI tokens (`aiTokensPerMonth` in `src/config/plans.ts`: Free 100,000, Pro\n" +
        "5 million, Enterprise 100 million; `AI_MONTHLY_TOKENS_FREE`, `_PRO` and `_ENTERPRISE` override them). Each\n" +
        "answer's input and output tokens, as the provider reports them (estimated for an answer the user stopped), are\n" +
        "added to `ai_usage` in one statement, so instances answering at once never lose a count. Once the allowance is\n" +
        "spent, `/api/chat` answers 429 `QUOTA_EXCEEDED` with `{ limit, used, resetsAt }` before calling the provider: a\n" +
        "burst can overspend by the answers already in flight, no more. The period is the calendar month (UTC), or the\n" +
        "month from a paid plan's billing day; a new plan applies at once. `GET /api/usage` and the settings page show it.",
    },
    {
      title: "Pages and components",
      body:
        "The UI follows shadcn/ui: `components.json`, its theme tokens in `src/app/globals.css` (light, and dark when the\n" +
        "system asks), `cn` in `src/lib/ui/cn.ts` and the components in `src/components/ui`, so `npx shadcn add <name>`\n" +
        "drops a new one in that matches. Menus, selects and tooltips are Radix; icons are lucide; the font is Geist,\n" +
        "served by the app. The user menu and the model picker load their Radix part when the pointer or focus comes\n" +
        "near (`use-open-on-demand.ts`), which keeps the chat page's first load under its 200 kB budget.",
    },
    {
      title: "CORS",
      body:
        "Browsers on the app's own URL (`APP_URL`) and on the origins in `CORS_ORIGINS` may call the API with\n" +
        "credentials and sign in. While the app runs on your machine (in development, or while `APP_URL` is a loopback\n" +
        "address: `localhost`, `127.0.0.1` or `[::1]`), so may every loopback origin on any port: the production server\n" +
        "started on another port, or opened as `127.0.0.1` instead of `localhost`, just works. On a real domain exactly\n" +
        "those two are trusted: a page anywhere else gets 403 `INVALID_ORIGIN` from `/api/auth`, whose message says to set\n" +
        "`APP_URL`. `src/lib/api/cors.ts` decides it for CORS (`src/proxy.ts` applies it to every `/api` route) and for\n" +
        "Better Auth alike.",
    },
  ],
  scripts: {
    dev: "next dev",
    build: "next build",
    start: "next start",
    typecheck: "tsc --noEmit && tsc --noEmit -p e2e",
    lint: "eslint .",
    format: "prettier --write .",
    "format:check": "prettier --check .",
    test: "vitest run",
    "test:e2e": "playwright test",
    "db:generate": "drizzle-kit generate",
    "db:migrate": "drizzle-kit migrate",
  },
  env: [
    {
      name: "APP_URL",
      comment:
        "The public URL of the app: Better Auth's base URL, and the origin CORS and sign-in always allow. While it is a " +
        "loopback address (localhost, 127.0.0.1, [::1]), every loopback origin and port is allowed too.",
      schema: "z.url()",
      example: "http://localhost:3000",
      value: () => "http://localhost:3000",
    },
    {
      name: "BETTER_AUTH_SECRET",
      comment: "Signs sessions and tokens. At least 32 random characters; generate one with `openssl rand -base64 32`.",
      schema: "z.string().min(32)",
      example: "",
      value: () => randomBytes(32).toString("base64url"),
      ci: "ci-only-better-auth-secret-not-a-real-one-0123456789",
    },
    {
      name: "CORS_ORIGINS",
      comment:
        "Other origins allowed to call the API from a browser, comma-separated, e.g. https://admin.example.com (APP_URL always is).",
      schema: "z.string().optional()",
      example: "",
      value: ({ options }) => (options.corsOrigins as string[]).join(","),
    },
    {
      name: "AI_DEFAULT_MODEL",
      comment: "The model a chat uses when the request names none. Unset: the first model in src/config/models.ts.",
      schema: "z.string().min(1).optional()",
      example: "",
    },
    ...(["FREE", "PRO", "ENTERPRISE"] as const).map((plan) => ({
      name: `AI_MONTHLY_TOKENS_${plan}`,
      comment: `The ${plan[0] + plan.slice(1).toLowerCase()} plan's AI tokens a month (input and output). Unset: its aiTokensPerMonth in src/config/plans.ts.`,
      schema: "z.coerce.number().int().nonnegative().optional()",
      example: "",
    })),
    {
      name: "AI_TIMEOUT_MS",
      comment: "How long the chat route waits for the provider's first token before answering 502.",
      schema: "z.coerce.number().int().positive().default(30_000)",
      example: "30000",
    },
    {
      name: "AI_IDLE_TIMEOUT_MS",
      comment:
        "How long a started answer may stay silent between chunks before it is cut off: the stream ends with an error chunk and what arrived is stored.",
      schema: "z.coerce.number().int().positive().default(30_000)",
      example: "30000",
    },
    {
      name: "TRUSTED_PROXY_HOPS",
      comment:
        "How many proxies you run in front of the app (a load balancer, Vercel, Cloudflare), each appending to " +
        "X-Forwarded-For. 0 (no proxy): the rate limits and the sign-in throttle count the socket's address and ignore " +
        "the header, which any client can write. Behind one proxy: 1. Never more than you really have.",
      schema: "z.coerce.number().int().min(0).max(10).default(0)",
      example: "0",
    },
    {
      name: "NEXT_TELEMETRY_DISABLED",
      comment: "Keeps Next.js from sending anonymous telemetry.",
      example: "1",
      value: () => "1",
    },
  ],
};

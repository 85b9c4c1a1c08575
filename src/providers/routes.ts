import type { ItemDescriptor } from "./types.js";

/**
 * The API routes every app has, each an item of its own: `create-craftjs add chats` restores its files. Its README rows
 * come from here.
 */
export const routes = [
  {
    id: "auth",
    label: "/api/auth/*",
    hint: "Better Auth's handler: sign-up, sign-in, sessions, OAuth",
    templates: "routes/auth",
    routes: [
      {
        path: "/api/auth/*",
        methods: "various",
        auth: "public",
        summary: "Better Auth: `sign-up/email`, `sign-in/email`, `sign-out`, `get-session`, OAuth",
      },
    ],
  },
  {
    id: "health",
    label: "/api/health",
    hint: "a database round trip, for load balancers",
    templates: "routes/health",
    routes: [
      {
        path: "/api/health",
        methods: "GET",
        auth: "public",
        summary: '`{ "ok": true }` after a database round trip, else 503',
      },
    ],
  },
  {
    id: "me",
    label: "/api/me",
    hint: "the caller and their plan, with this minute's rate-limit use in its headers",
    templates: "routes/me",
    routes: [
      {
        path: "/api/me",
        methods: "GET",
        auth: "yes",
        summary: "`{ id, email, plan: { id, name, requestsPerMinute } }`; its `X-RateLimit-*` headers show this minute's use",
      },
    ],
  },
  {
    id: "sessions",
    label: "/api/sessions",
    hint: "where the account is signed in, by session id; sign one device out",
    templates: "routes/sessions",
    routes: [
      {
        path: "/api/sessions",
        methods: "GET",
        auth: "yes",
        summary: "where you are signed in, this session first: each by `id`, never by its token",
      },
      { path: "/api/sessions/[id]", methods: "DELETE", auth: "yes", summary: "sign one of your sessions out" },
    ],
  },
  {
    id: "chats",
    label: "/api/chats",
    hint: "list, read, rename and delete chats; stop an answer",
    templates: "routes/chats",
    routes: [
      {
        path: "/api/chats",
        methods: "GET",
        auth: "yes",
        summary: "your chats, newest first; `?limit=1..100` and `?cursor=` (from the `X-Next-Cursor` header)",
      },
      {
        path: "/api/chats/[id]",
        methods: "GET, PATCH, DELETE",
        auth: "yes",
        summary: 'one chat with its messages (and token usage); rename it (`{ "title" }`); delete it',
      },
      { path: "/api/chats/[id]/messages", methods: "GET", auth: "yes", summary: "a chat's messages, oldest first" },
      {
        path: "/api/chats/[id]/stop",
        methods: "POST",
        auth: "yes",
        summary:
          '`{ "shown" }`: Stop the answer being written, storing the first `shown` characters of it, marked stopped; not counted against the rate limit',
      },
    ],
  },
  {
    id: "chat",
    label: "/api/chat",
    hint: "streamed AI answers, stored with their token usage",
    templates: "routes/chat",
    routes: [
      {
        path: "/api/chat",
        methods: "POST",
        auth: "yes",
        summary:
          "`{ messages, model?, chatId? }`: the answer, streamed as the AI SDK's UI message stream; `X-Chat-Id` names the chat; " +
          "429 `QUOTA_EXCEEDED` once the month's AI tokens are spent",
      },
      {
        path: "/api/usage",
        methods: "GET",
        auth: "yes",
        summary:
          "`{ plan, period: { start, end }, tokens: { used, limit } }`: this month's AI tokens against the plan's; not counted against the rate limit",
      },
    ],
  },
] as const satisfies readonly ItemDescriptor[];

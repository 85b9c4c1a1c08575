import { z } from "zod";
import { endpoint, methods } from "@/lib/api/endpoint";
import { decodeCursor } from "@/lib/chat/server/cursor";
import { listChats } from "@/lib/chat/server/store";

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const cursor = decodeCursor(value);
      if (!cursor)
        ctx.addIssue({ code: "custom", message: "Not a cursor this API returned, unchanged (see X-Next-Cursor)" });
      return cursor ?? undefined;
    }),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: endpoint({ query: listQuery }, async ({ caller, query }) => {
    const page = await listChats(caller.userId, query);
    const headers: Record<string, string> = page.nextCursor ? { "X-Next-Cursor": page.nextCursor } : {};
    return Response.json(page.chats, { headers });
  }),
});

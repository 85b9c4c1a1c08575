import { z } from "zod";
import { storedText } from "@/lib/api/validation";

/** A chat id as a client sends it (in a path or a body): text the database can compare, of a sane length. */
export const chatIdInput = storedText().min(1).max(128);

/** The `[id]` segment of the /api/chats/[id] routes. */
export const chatPath = z.object({ id: chatIdInput });

/** A chat's title as a client sets it. */
export const chatTitleInput = storedText().trim().min(1).max(200);

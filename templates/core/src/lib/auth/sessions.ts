import { and, desc, eq, gt } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { sessions } from "@/lib/db/schema";
import { auth } from "./server";

/** What a user is shown of one of their sessions: where and when it was used, never its token. */
export interface DeviceSession {
  id: string;
  userAgent: string | null;
  ipAddress: string | null;
  createdAt: Date;
  lastActiveAt: Date;
  /** The session of the request that asked: this device. */
  current: boolean;
}

/** The user's sessions that have not expired: the current one first, then the most recently active. */
export async function listDeviceSessions(userId: string, currentSessionId?: string): Promise<DeviceSession[]> {
  const rows = await db
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      ipAddress: sessions.ipAddress,
      createdAt: sessions.createdAt,
      lastActiveAt: sessions.updatedAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.updatedAt), desc(sessions.id));
  return rows
    .map((row) => ({ ...row, current: row.id === currentSessionId }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/**
 * Ends one of the user's sessions by its id, which signs that device out; false when they have no such session. The
 * token that Better Auth ends a session by is looked up here, on the server, for this user only.
 */
export async function revokeDeviceSession(userId: string, sessionId: string): Promise<boolean> {
  const [session] = await db
    .select({ token: sessions.token })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)));
  if (!session) return false;
  const context = await auth.$context;
  await context.internalAdapter.deleteSession(session.token);
  return true;
}

import { eq, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { aiUsage } from "@/lib/db/schema";
import type { AllowancePeriod } from "./period";

const rowId = (userId: string, period: AllowancePeriod) => `${userId}:${period.start.toISOString()}`;

/** The tokens a user has spent in a period. */
export async function tokensUsed(userId: string, period: AllowancePeriod): Promise<number> {
  const [row] = await db
    .select({ tokens: aiUsage.tokens })
    .from(aiUsage)
    .where(eq(aiUsage.id, rowId(userId, period)));
  return row?.tokens ?? 0;
}

/**
 * Adds an answer's tokens to the period's count in one statement (insert, or add to the row there): atomic in the
 * database, so answers finishing at once, on any number of instances, all count.
 */
export async function addTokens(userId: string, period: AllowancePeriod, tokens: number): Promise<void> {
  if (!(tokens > 0)) return;
  const spent = Math.round(tokens);
  await db
    .insert(aiUsage)
    .values({ id: rowId(userId, period), userId, periodStart: period.start, tokens: spent })
    .onConflictDoUpdate({
      target: aiUsage.id,
      set: { tokens: sql`${aiUsage.tokens} + ${spent}`, updatedAt: new Date() },
    });
}

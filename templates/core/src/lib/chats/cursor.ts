/** A position in a newest-first list of chats: the last chat's update time and id, opaque to clients. */
export interface ChatCursor {
  updatedAt: Date;
  id: string;
}

export function encodeCursor(cursor: ChatCursor): string {
  return Buffer.from(`${cursor.updatedAt.getTime()}:${cursor.id}`).toString("base64url");
}

/** The cursor a string encodes, or null when it is not one this app made. */
export function decodeCursor(value: string): ChatCursor | null {
  const match = /^(\d+):(.+)$/.exec(Buffer.from(value, "base64url").toString());
  if (!match) return null;
  return { updatedAt: new Date(Number(match[1])), id: match[2]! };
}

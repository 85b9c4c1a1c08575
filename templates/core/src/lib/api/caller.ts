/** Who is calling: the user a request's credentials belong to. */
export interface Caller {
  userId: string;
  email: string;
  plan: string;
  /** The session the request signed in with; absent for other credentials. */
  sessionId?: string;
}

/** A way a request can authenticate, such as a session cookie or an API key. */
export interface Credential {
  /** What a client does to present it, for the 401 message: "sign in". */
  hint: string;
  /**
   * The caller, when the request presents this credential and it is valid; undefined when the request does not
   * present it. A credential presented but invalid throws a 401 `ApiError`.
   */
  authenticate(request: Request): Promise<Caller | undefined>;
  /**
   * Revokes every one of these the user holds. A new password calls it (a reset always, a change that signs out
   * everywhere else too): whoever knew the old one may have made one. Sessions need none: Better Auth ends them.
   */
  revokeAll?(userId: string): Promise<void>;
}

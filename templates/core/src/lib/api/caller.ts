/** Who is calling: the user a request's credentials belong to. */
export interface Caller {
  userId: string;
  email: string;
  plan: string;
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
}

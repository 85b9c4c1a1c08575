let clients = 0;

/**
 * A client that keeps its cookies, sends the app's Origin like a browser on the app's page, and reads JSON. Each one
 * is a different client to the app's per-IP limits (Better Auth allows 3 sign-ups per 10 s per address): it says so
 * in X-Forwarded-For, as the proxy in front of a deployed app would. The address is only a header value.
 */
export class Browser {
  private readonly cookies = new Map<string, string>();
  private readonly address = `198.18.${Math.floor(clients / 250) % 250}.${(clients++ % 250) + 1}`;

  constructor(readonly baseUrl: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** A request to this browser's app, or with `baseUrl` to another instance of it (same origin header and cookies). */
  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    baseUrl = this.baseUrl,
  ): Promise<Reply> {
    const init: RequestInit = {
      method,
      headers: { origin: this.baseUrl, "x-forwarded-for": this.address, ...headers },
      redirect: "manual",
    };
    if (this.cookies.size > 0) (init.headers as Record<string, string>).cookie = this.cookieHeader;
    if (body !== undefined) {
      // JSON unless the caller says otherwise (a form's body, say, sent as the string it is).
      (init.headers as Record<string, string>)["content-type"] ??= "application/json";
      init.body = typeof body === "string" ? body : JSON.stringify(body);
    }
    const response = await fetch(`${baseUrl}${path}`, init);
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";", 1);
      const [name, ...value] = pair!.split("=");
      if (/max-age=0/i.test(header) || value.join("=") === "") this.cookies.delete(name!);
      else this.cookies.set(name!, value.join("="));
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json: json as never };
  }

  get = (path: string) => this.request("GET", path);
  delete = (path: string) => this.request("DELETE", path);
  post = (path: string, body?: unknown) => this.request("POST", path, body);
  patch = (path: string, body?: unknown) => this.request("PATCH", path, body);

  async signUp(email: string, password = "a long enough password"): Promise<Reply> {
    return this.post("/api/auth/sign-up/email", { email, password, name: email.split("@")[0] });
  }

  async signIn(email: string, password = "a long enough password"): Promise<Reply> {
    return this.post("/api/auth/sign-in/email", { email, password });
  }
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // The parsed body; tests assert on its shape.
  json: any;
}

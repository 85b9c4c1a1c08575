import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refuseUnroutable } from "./unroutable-requests";

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request: fetch refuses to send TRACE, and normalises paths. */
function send(server: Server, method: string, path: string): Promise<RawReply> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const outgoing = request({ port, method, path }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("refuseUnroutable", () => {
  // The check in front of the app (Next.js, which would answer these with a plain-text 500).
  const server = createServer((request, response) => {
    if (!refuseUnroutable(request, response)) response.end("the app");
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers TRACE and other unknown methods with a 405 in the error shape, with Allow", async () => {
    for (const method of ["TRACE", "PROPFIND"]) {
      const reply = await send(server, method, "/api/chats");
      expect(reply.status).toBe(405);
      expect(reply.headers.allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
      expect(reply.headers["content-type"]).toBe("application/json");
      expect(reply.headers["x-content-type-options"]).toBe("nosniff");
      expect(JSON.parse(reply.body)).toMatchObject({ code: "METHOD_NOT_ALLOWED", details: expect.any(Object) });
    }
  });

  it("answers a path that is not validly percent-encoded with a 400 in the error shape, on every route", async () => {
    for (const path of ["/api/chats/%", "/api/chats/%C0%AF", "/api/storage/%E0%A4?x=1"]) {
      const reply = await send(server, "GET", path);
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toEqual({ error: expect.any(String), code: "INVALID_REQUEST", details: {} });
    }
  });

  it("passes everything else on to the app", async () => {
    expect((await send(server, "GET", "/api/storage/a%20b/%C3%A9.png?sig=%2B")).body).toBe("the app");
    expect((await send(server, "DELETE", "/api/chats/abc")).body).toBe("the app");
  });
});

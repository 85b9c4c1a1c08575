import { describe, expect, it } from "vitest";
import { apiErrorFrom } from "@/test/errors";
import { readJsonBody } from "./body";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readJsonBody", () => {
  it("parses a JSON body", async () => {
    await expect(readJsonBody(post('{"a":1}'))).resolves.toEqual({ a: 1 });
  });

  it("refuses a body that is not JSON with 400", async () => {
    const error = await apiErrorFrom(readJsonBody(post("{nope")));
    expect([error.status, error.code]).toEqual([400, "INVALID_REQUEST"]);
  });

  it("refuses an empty body with 400", async () => {
    const error = await apiErrorFrom(readJsonBody(post("")));
    expect(error.code).toBe("INVALID_REQUEST");
  });

  it("refuses a declared length over the limit before reading", async () => {
    const error = await apiErrorFrom(readJsonBody(post("{}", { "content-length": "2000" }), 1000));
    expect([error.status, error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
  });

  it("stops reading a streamed body as soon as it passes the limit", async () => {
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        controller.enqueue(new Uint8Array(600).fill(32));
        if (sent > 100) controller.close();
      },
    });
    const error = await apiErrorFrom(readJsonBody(post(stream), 1000));
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(sent).toBeLessThan(10);
  });
});

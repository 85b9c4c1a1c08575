import { randomUUID } from "node:crypto";
import http from "node:http";
import { closeServer, listenOnLoopback } from "../fake-payments/server.js";
import { FAKE_SENDER, type FakeEmail, type ReceivedEmail } from "./types.js";

const API_KEY = "re_e2e_3kQ9vX2mT7pL4wZ8";

/**
 * Resend's API as far as the app uses it: POST /emails with the Bearer key, answered `{ id }`, and Resend's error
 * shape (`{ statusCode, name, message }`) for a wrong key or a message without its fields.
 */
export async function startFakeResend(): Promise<FakeEmail> {
  const messages: ReceivedEmail[] = [];
  const server = http.createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk) => (raw += chunk));
    request.on("end", () => {
      const answer = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      if (request.method !== "POST" || request.url !== "/emails") {
        return answer(404, { statusCode: 404, name: "not_found", message: "The requested endpoint does not exist." });
      }
      if (request.headers.authorization !== `Bearer ${API_KEY}`) {
        return answer(401, { statusCode: 401, name: "validation_error", message: "API key is invalid" });
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw);
      } catch {
        return answer(400, { statusCode: 400, name: "invalid_json", message: "The body is not valid JSON." });
      }
      for (const field of ["from", "to", "subject"]) {
        if (!body[field])
          return answer(422, {
            statusCode: 422,
            name: "missing_required_field",
            message: `Missing \`${field}\` field.`,
          });
      }
      messages.push({
        from: String(body.from),
        to: ([] as unknown[]).concat(body.to).map(String),
        subject: String(body.subject),
        text: String(body.text ?? ""),
        html: String(body.html ?? ""),
      });
      answer(200, { id: randomUUID() });
    });
  });
  const baseUrl = await listenOnLoopback(server);
  return {
    kind: "resend",
    appEnv: { RESEND_API_KEY: API_KEY, RESEND_BASE_URL: baseUrl, EMAIL_FROM: FAKE_SENDER, EMAIL_OUTBOX: "on" },
    messages,
    close: () => closeServer(server),
  };
}

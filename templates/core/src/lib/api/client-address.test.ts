import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const forwardedFor = (chain: string) => new Headers({ "x-forwarded-for": chain });

describe("clientAddress", () => {
  it("without a trusted proxy, is the socket's address (the last entry), never one the client wrote", () => {
    expect(clientAddress(forwardedFor("203.0.113.7, 198.51.100.2"), 0)).toBe("198.51.100.2");
    expect(clientAddress(forwardedFor("198.51.100.2"), 0)).toBe("198.51.100.2");
  });

  it("behind N trusted proxies, is the entry N places before the socket's", () => {
    expect(clientAddress(forwardedFor("spoofed, 203.0.113.7, 10.0.0.5"), 1)).toBe("203.0.113.7");
    expect(clientAddress(forwardedFor("spoofed, 203.0.113.7, 10.0.0.9, 10.0.0.5"), 2)).toBe("203.0.113.7");
  });

  it("takes the first entry when the chain is shorter than the proxies configured", () => {
    expect(clientAddress(forwardedFor("10.0.0.5"), 2)).toBe("10.0.0.5");
  });

  it("is unknown when the request carries no address", () => {
    expect(clientAddress(new Headers(), 1)).toBe("unknown");
  });
});

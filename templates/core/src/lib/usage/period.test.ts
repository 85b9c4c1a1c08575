import { describe, expect, it } from "vitest";
import { addMonths, allowancePeriod } from "./period";

const at = (iso: string) => new Date(iso);

describe("allowancePeriod", () => {
  it("is the calendar month in UTC without an anchor", () => {
    expect(allowancePeriod(at("2026-12-07T10:00:00Z"))).toEqual({
      start: at("2026-12-01T00:00:00Z"),
      end: at("2027-01-01T00:00:00Z"),
    });
    expect(allowancePeriod(at("2026-11-30T23:59:59.999Z")).end).toEqual(at("2026-12-01T00:00:00Z"));
  });

  it("renews on the billing day with an anchor, before it and after it, also a year away", () => {
    const anchor = at("2027-01-15T08:30:00Z");
    expect(allowancePeriod(at("2026-12-20T00:00:00Z"), anchor)).toEqual({
      start: at("2026-12-15T08:30:00Z"),
      end: at("2027-01-15T08:30:00Z"),
    });
    expect(allowancePeriod(at("2026-12-15T08:30:00Z"), anchor).start).toEqual(at("2026-12-15T08:30:00Z"));
    expect(allowancePeriod(at("2026-03-01T00:00:00Z"), anchor)).toEqual({
      start: at("2026-02-15T08:30:00Z"),
      end: at("2026-03-15T08:30:00Z"),
    });
    expect(allowancePeriod(at("2027-02-01T00:00:00Z"), anchor).start).toEqual(at("2027-01-15T08:30:00Z"));
  });

  it("keeps a day the month lacks at its last day, as billing providers do", () => {
    expect(addMonths(at("2027-01-31T00:00:00Z"), 1)).toEqual(at("2027-02-28T00:00:00Z"));
    expect(addMonths(at("2028-01-31T00:00:00Z"), 1)).toEqual(at("2028-02-29T00:00:00Z"));
  });
});

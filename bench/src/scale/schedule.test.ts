import { describe, expect, it } from "vitest";
import { classifyUnknown, readableRefusal } from "./answers";
import { CHAOS_EVENT_KINDS, chaosSchedule } from "./schedule";

const timing = { minDelayMs: 1000, maxDelayMs: 3000, minDownMs: 4000, maxDownMs: 8000 };

describe("chaosSchedule", () => {
  it("is the same for the same seed and differs for another", () => {
    expect(chaosSchedule(42, 12, timing)).toEqual(chaosSchedule(42, 12, timing));
    expect(chaosSchedule(42, 12, timing)).not.toEqual(chaosSchedule(43, 12, timing));
  });

  it("has every kind equally often and kills both instances and both runners", () => {
    for (const seed of [1, 2, 3, 99, 123456]) {
      const events = chaosSchedule(seed, 8, timing);
      expect(events).toHaveLength(8);
      for (const kind of CHAOS_EVENT_KINDS) expect(events.filter((e) => e.kind === kind)).toHaveLength(2);
      expect(new Set(events.filter((e) => e.kind === "kill-web").map((e) => e.target))).toEqual(new Set([0, 1]));
      expect(new Set(events.filter((e) => e.kind === "kill-runner").map((e) => e.target))).toEqual(new Set([0, 1]));
    }
  });

  it("keeps pauses and replica downtimes within their bounds", () => {
    for (const event of chaosSchedule(7, 40, timing)) {
      expect(event.delayMs).toBeGreaterThanOrEqual(1000);
      expect(event.delayMs).toBeLessThanOrEqual(3000);
      if (event.kind === "stop-replica") {
        expect(event.downMs).toBeGreaterThanOrEqual(4000);
        expect(event.downMs).toBeLessThanOrEqual(8000);
      } else expect(event.downMs).toBe(0);
    }
  });
});

describe("classifyUnknown", () => {
  it("tells the documented 503 and the proxy's pages from any other 5xx", () => {
    expect(classifyUnknown("HTTP 503 SERVICE_UNAVAILABLE: The marketplace cannot reach its database right now. Please try again")).toBe("database unavailable (503, documented)");
    expect(classifyUnknown("HTTP 502 UNPARSEABLE: <html><body><h1>502 Bad Gateway</h1>")).toBe("load balancer (instance died mid-request)");
    expect(classifyUnknown("connection: ECONNRESET")).toBe("connection cut or timed out");
    expect(classifyUnknown("request timed out")).toBe("connection cut or timed out");
    expect(classifyUnknown("HTTP 500 INTERNAL_SERVER_ERROR: Invalid `prisma.user.findUnique()` invocation")).toBe("other 5xx");
  });
});

describe("readableRefusal", () => {
  it("accepts sentences and refuses codes, stacks and JSON", () => {
    expect(readableRefusal("You have $3.00 available; ask for at most that.")).toBe(true);
    expect(readableRefusal("INSUFFICIENT_FUNDS")).toBe(false);
    expect(readableRefusal('{"code":"P2002"}')).toBe(false);
    expect(readableRefusal("TypeError: x is undefined")).toBe(false);
  });
});

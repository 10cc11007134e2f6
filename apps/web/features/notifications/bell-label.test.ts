import { describe, expect, it } from "vitest";
import { bellLabel, countFromAnswer, countFromEvent } from "./bell-label";

describe("the bell", () => {
  it("names the exact count", () => {
    expect(bellLabel(null)).toBe("Notifications");
    expect(bellLabel(0)).toBe("No unread notifications");
    expect(bellLabel(1)).toBe("1 unread notification");
    expect(bellLabel(3)).toBe("3 unread notifications");
    expect(bellLabel(1234)).toBe("1,234 unread notifications");
  });

  it("reads the count from a poll's answer and from a stream's event, and nothing else", () => {
    expect(countFromAnswer({ result: { data: { json: 4 } } })).toBe(4);
    expect(countFromAnswer({ error: { json: { message: "Sign in to continue." } } })).toBeNull();
    expect(countFromAnswer({ result: { data: { json: -1 } } })).toBeNull();
    expect(countFromAnswer(null)).toBeNull();
    expect(countFromEvent('{"count":2}')).toBe(2);
    expect(countFromEvent('{"count":"2"}')).toBeNull();
    expect(countFromEvent("not json")).toBeNull();
  });
});

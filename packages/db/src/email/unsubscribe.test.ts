import { describe, expect, it } from "vitest";
import { readUnsubscribeToken, unsubscribeToken, unsubscribeUrl } from "./unsubscribe";

const SECRET = "q3J6yV0m-Wc1Zr9Ln4Tb8Xs2Kd7Hf5Pg_Ua0Oe3Ri6";
const USER = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

describe("unsubscribe tokens", () => {
  it("name one person's categories, in the catalogue's order, signed", () => {
    const token = unsubscribeToken(USER, ["payments", "proposals", "payments"], SECRET);
    expect(token).toMatch(new RegExp(`^${USER}\\.proposals-payments\\.[A-Za-z0-9_-]{43}$`));
    expect(readUnsubscribeToken(token, SECRET)).toEqual({ userId: USER, categories: ["proposals", "payments"] });
    expect(unsubscribeToken(USER, "payments", SECRET)).toBe(unsubscribeToken(USER, ["payments"], SECRET));
  });

  it("refuse anything changed, cut, signed with another secret, or naming what the catalogue has not", () => {
    const token = unsubscribeToken(USER, "payments", SECRET);
    const signature = token.split(".")[2]!;
    const bad = [
      token.replace("payments", "contracts"),
      token.replace(USER, "7c9e6679-7425-40de-944b-e07fc1f90ae8"),
      `${USER}.payments.${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`,
      token.slice(0, -1),
      `${token}=`,
      `${USER}.marketing.${signature}`,
      "",
      "not a token",
    ];
    for (const candidate of bad) expect(readUnsubscribeToken(candidate, SECRET), candidate).toBeNull();
    expect(readUnsubscribeToken(token, `${SECRET}x`)).toBeNull();
  });

  it("make an absolute link to /unsubscribe", () => {
    const url = new URL(unsubscribeUrl(USER, "connects", SECRET));
    expect(url.pathname).toBe("/unsubscribe");
    expect(readUnsubscribeToken(url.searchParams.get("token")!, SECRET)).toEqual({ userId: USER, categories: ["connects"] });
  });

  it("refuse to name no category", () => {
    expect(() => unsubscribeToken(USER, [], SECRET)).toThrow(/at least one category/);
  });
});

import { describe, expect, it } from "vitest";
import {
  ACCOUNT_TOKEN_HOURS,
  accountTokenExpiresAt,
  accountTokenLifetimeInWords,
  accountTokenLive,
  confirmEmailFirst,
  maskEmail,
  VERIFICATION_ACTIONS,
  verificationRequired,
} from "./account-tokens";
import { DEFAULT_SETTINGS } from "../settings/defaults";

const issued = new Date("2026-12-03T10:00:00.000Z");

describe("account links", () => {
  it("last 48 hours to confirm an email and 1 hour to reset a password", () => {
    expect(ACCOUNT_TOKEN_HOURS).toEqual({ verify_email: 48, reset_password: 1 });
    expect(accountTokenExpiresAt("verify_email", issued)).toEqual(new Date("2026-12-05T10:00:00.000Z"));
    expect(accountTokenExpiresAt("reset_password", issued)).toEqual(new Date("2026-12-03T11:00:00.000Z"));
    expect(accountTokenLifetimeInWords("verify_email")).toBe("48 hours");
    expect(accountTokenLifetimeInWords("reset_password")).toBe("1 hour");
  });

  it("work up to, not at, their expiry", () => {
    const expires = accountTokenExpiresAt("reset_password", issued);
    expect(accountTokenLive(expires, new Date(expires.getTime() - 1))).toBe(true);
    expect(accountTokenLive(expires, expires)).toBe(false);
    expect(accountTokenLive(expires, new Date(expires.getTime() + 1))).toBe(false);
  });
});

describe("what waits for a confirmed email", () => {
  it("is, by default, proposing, posting jobs and withdrawing", () => {
    expect(DEFAULT_SETTINGS.verificationRequiredFor).toEqual([...VERIFICATION_ACTIONS]);
    for (const action of VERIFICATION_ACTIONS) expect(verificationRequired(action, DEFAULT_SETTINGS)).toBe(true);
    expect(verificationRequired("withdraw", { verificationRequiredFor: ["propose"] })).toBe(false);
  });

  it("hints at the address without showing it", () => {
    expect(maskEmail("alice@example.com")).toBe("a…@example.com");
    expect(maskEmail("é@x.io")).toBe("é…@x.io");
    expect(maskEmail("not an address")).toBe("…");
    expect(maskEmail("@example.com")).toBe("…");
    expect(maskEmail("broken")).toBe("…");
    expect(confirmEmailFirst("bob@work.test")).toBe("Confirm your email first: we sent a link to b…@work.test; send it again from Account.");
  });
});

import { describe, expect, it } from "vitest";
import { parseEmailChange, parseForgot, parseName, parseNewPassword } from "./account-forms";

describe("the account forms' parse functions", () => {
  it("read a name, an email change, a new password typed twice and an email, with the rules' sentences", () => {
    expect(parseName({ name: "  Rita  " })).toEqual({ ok: true, value: { name: "Rita" } });
    expect(parseName({ name: " " })).toMatchObject({ ok: false, problems: { name: "Enter your name." } });
    expect(parseEmailChange({ newEmail: " new@example.com ", currentPassword: "my password" })).toEqual({ ok: true, value: { newEmail: "new@example.com", currentPassword: "my password" } });
    expect(parseEmailChange({ newEmail: "nope", currentPassword: "" })).toMatchObject({ ok: false, problems: { newEmail: "Enter a valid email address.", currentPassword: "Enter your current password." } });
    expect(parseNewPassword({ password: "a long new password", repeatPassword: "a long new password" })).toEqual({ ok: true, value: { password: "a long new password" } });
    expect(parseNewPassword({ password: "short", repeatPassword: "other" })).toMatchObject({
      ok: false,
      problems: { password: expect.stringMatching(/at least 10 characters/), repeatPassword: "The two passwords are not the same. Type the new one again." },
    });
    expect(parseForgot({ email: "" })).toMatchObject({ ok: false, problems: { email: "Enter your email address." } });
  });
});

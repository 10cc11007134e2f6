import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { unsubscribeToken } from "@fairlance/db/email";
import { freshDatabase, makeUser, type TestDatabase, type TestUser } from "@fairlance/db/testing";
import { anonymousCaller, callerFor } from "@/test/callers";
import { unsubscribeHandler } from "../unsubscribe";

let db: TestDatabase;
let fran: TestUser;
beforeAll(async () => {
  db = await freshDatabase();
  fran = await makeUser(db.prisma, "FREELANCER", { email: "fran.email-test@test.local" });
});
afterAll(() => db.drop());

const ENV = ["SMTP_URL", "FAIRLANCE_DEPLOYMENT"] as const;
const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

const post = (token: string, body: string) =>
  unsubscribeHandler(() => db.prisma)(
    new Request(`http://localhost:3000/api/unsubscribe?token=${encodeURIComponent(token)}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }),
  );
const emailOf = async (user: TestUser, category: string) =>
  (await db.prisma.notificationPreference.findUnique({ where: { userId_category: { userId: user.id, category } }, select: { email: true } }))?.email ?? null;

describe("notification preferences", () => {
  it("start at the catalogue's defaults, change per category, and never turn account emails off", async () => {
    const me = callerFor(db.prisma, fran);
    const before = await me.preferences.get();
    expect(before.every((row) => row.isDefault)).toBe(true);
    expect(before.find((row) => row.category === "account")).toMatchObject({ mandatory: true, email: "IMMEDIATE" });

    const after = await me.preferences.update({ categories: [{ category: "payments", inApp: false, email: "DAILY_DIGEST" }] });
    expect(after.find((row) => row.category === "payments")).toMatchObject({ inApp: false, email: "DAILY_DIGEST", isDefault: false });
    expect(await me.preferences.get()).toEqual(after);

    await expect(me.preferences.update({ categories: [{ category: "account", inApp: true, email: "OFF" }] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: 'Your account emails cannot be turned off: they are how we reach you about your sign-in, your password and your account. Choose "Right away" or "Daily digest".',
    });
    expect(await emailOf(fran, "account")).toBeNull();
    await expect(anonymousCaller(db.prisma).preferences.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("unsubscribe links", () => {
  it("the page's question changes nothing; a mail client's one-click POST turns the category's email off", async () => {
    const token = unsubscribeToken(fran.id, "contracts");
    const view = await anonymousCaller(db.prisma).preferences.unsubscribeInfo({ token });
    expect(view).toEqual({ maskedEmail: "f…@test.local", categories: [{ category: "contracts", label: "Offers and contracts", mandatory: false, emailOff: false }], done: false });
    expect(await emailOf(fran, "contracts")).toBeNull();

    const response = await post(token, "List-Unsubscribe=One-Click");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("Unsubscribed: no more emails about Offers and contracts.");
    expect(await emailOf(fran, "contracts")).toBe("OFF");
    expect((await anonymousCaller(db.prisma).preferences.unsubscribeInfo({ token })).done).toBe(true);
    // Twice is the same.
    expect((await post(token, "List-Unsubscribe=One-Click")).status).toBe(200);
  });

  it("the page's button is a form post answered with the page again", async () => {
    const token = unsubscribeToken(fran.id, ["messages", "feedback"]);
    const response = await post(token, "confirm=yes");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/unsubscribe?token=${encodeURIComponent(token)}`);
    expect([await emailOf(fran, "messages"), await emailOf(fran, "feedback")]).toEqual(["OFF", "OFF"]);
  });

  it("a link for account emails turns nothing off and says so", async () => {
    const token = unsubscribeToken(fran.id, "account");
    const response = await post(token, "List-Unsubscribe=One-Click");
    expect(await response.text()).toBe("These emails cannot be turned off.");
    expect(await emailOf(fran, "account")).toBeNull();
  });

  it("a bad or tampered token gets a sentence, never a 500, and changes nothing", async () => {
    const token = unsubscribeToken(fran.id, "disputes");
    for (const bad of [token.replace("disputes", "payments"), `${token.slice(0, -2)}xx`, "nonsense", ""]) {
      const response = await post(bad, "List-Unsubscribe=One-Click");
      expect(response.status, bad).toBe(400);
      expect(await response.text()).toBe("This unsubscribe link is not valid: it may have been cut or changed. Choose your emails in Account, Notifications.");
      // From the page's button: back to the page, which says the same.
      expect((await post(bad, "confirm=yes")).status).toBe(303);
    }
    await expect(anonymousCaller(db.prisma).preferences.unsubscribeInfo({ token: "nonsense" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await emailOf(fran, "disputes")).toBeNull();
    expect(await emailOf(fran, "payments")).toBe("DAILY_DIGEST");
    const huge = await unsubscribeHandler(() => db.prisma)(new Request(`http://localhost:3000/api/unsubscribe?token=${token}`, { method: "POST", body: "x".repeat(10_000) }));
    expect(huge.status).toBe(413);
    expect(await emailOf(fran, "disputes")).toBeNull();
  });

  it("a link of a person who no longer exists says so", async () => {
    const response = await post(unsubscribeToken("00000000-0000-4000-8000-000000000000", "payments"), "List-Unsubscribe=One-Click");
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("The account this link was sent to no longer exists.");
  });
});

describe("the demo mailbox", () => {
  it("shows the outbox to anyone on a demo server", async () => {
    const row = await db.prisma.emailOutbox.create({
      data: { toAddress: fran.email, kind: "notification", dedupeKey: "mailbox-test", subject: "Hello Fran", text: "Hi.", html: "<p>Hi.</p>", nextAttemptAt: new Date(), createdAt: new Date() },
    });
    const anyone = anonymousCaller(db.prisma);
    const page = await anyone.mailbox.list({ to: "FRAN.EMAIL" });
    expect(page.emails.map((email) => email.id)).toEqual([row.id]);
    expect((await anyone.mailbox.list({ to: "nobody" })).emails).toEqual([]);
    // % and _ are searched for as typed, not as wildcards.
    expect((await anyone.mailbox.list({ to: "%" })).emails).toEqual([]);
    expect((await anyone.mailbox.list({ to: "email_test" })).emails).toEqual([]);
    expect((await anyone.mailbox.list({ to: "email-test" })).emails.map((email) => email.id)).toEqual([row.id]);
    await expect(anyone.mailbox.get({ id: row.id })).resolves.toMatchObject({ subject: "Hello Fran", html: "<p>Hi.</p>", text: "Hi.", status: "PENDING" });
  });

  it("does not exist with a mail server, or in production", async () => {
    const row = await db.prisma.emailOutbox.findUniqueOrThrow({ where: { dedupeKey: "mailbox-test" } });
    for (const env of [{ SMTP_URL: "smtp://mail.example.com:587" }, { FAIRLANCE_DEPLOYMENT: "production" }]) {
      Object.assign(process.env, env);
      const anyone = anonymousCaller(db.prisma);
      await expect(anyone.mailbox.list({})).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(anyone.mailbox.get({ id: row.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      for (const name of ENV) delete process.env[name];
    }
  });
});

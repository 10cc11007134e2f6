import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { startSession } from "@fairlance/db/services";
import { freshDatabase, key, makeUser, type TestDatabase } from "@fairlance/db/testing";
import { callerFor } from "@/test/callers";

let db: TestDatabase;
let authOptions: (typeof import("@/server/auth"))["authOptions"];

beforeAll(async () => {
  db = await freshDatabase();
  // next-auth's callbacks and events use the app's client, which reads DATABASE_URL once.
  process.env.DATABASE_URL = db.url;
  ({ authOptions } = await import("@/server/auth"));
});
afterAll(() => db.drop());

type Person = Awaited<ReturnType<typeof makeUser>>;

/**
 * What next-auth puts in the cookie when `person` signs in now, and the session it gives back for it:
 * as the sign-in form does (authorize starts a session row), or `legacy`, a cookie from before
 * session rows (no sid).
 */
async function signIn(person: Person, options: { legacy?: boolean } = {}): Promise<{ token: JWT; session: Session }> {
  const started = options.legacy ? null : await startSession(db.prisma, { userId: person.id, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0", ip: "192.0.2.7", now: new Date() });
  const user = started ? { ...person, sid: started.sessionId, sessionVersion: started.sessionVersion } : person;
  const token = (await authOptions.callbacks!.jwt!({ token: { id: "", role: person.role, email: person.email, name: person.name }, user, account: null, trigger: "signIn" } as never)) as JWT;
  const session = (await authOptions.callbacks!.session!({ session: { expires: new Date(Date.now() + 3_600_000).toISOString() }, token } as never)) as Session;
  return { token, session };
}

/** A caller holding a saved session (the cookie someone copied). */
const holding = (session: Session) => callerFor(db.prisma, session.user);

const refusedAsEnded = { code: "UNAUTHORIZED", message: "Your session has ended. Sign in again." };

describe("ending sessions", () => {
  it("a session remembers the person's session version from when it began", async () => {
    const person = await makeUser(db.prisma, "FREELANCER");
    await db.prisma.user.update({ where: { id: person.id }, data: { sessionVersion: 3 } });
    const { token, session } = await signIn(person);
    expect(token.sessionVersion).toBe(3);
    expect(session.user).toMatchObject({ id: person.id, role: "FREELANCER", sessionVersion: 3 });
    await expect(holding(session).me.get()).resolves.toMatchObject({ id: person.id });
  });

  it("signing out ends this browser's session, a saved copy of its cookie included, and no other", async () => {
    const person = await makeUser(db.prisma, "CLIENT");
    const laptop = await signIn(person);
    const phone = await signIn(person);
    expect(laptop.session.user.sessionId).toEqual(expect.any(String));
    await expect(holding(phone.session).me.get()).resolves.toMatchObject({ id: person.id });
    await authOptions.events!.signOut!({ token: laptop.token, session: laptop.session } as never);
    await expect(holding(laptop.session).me.get()).rejects.toMatchObject(refusedAsEnded);
    await expect(holding(phone.session).me.get()).resolves.toMatchObject({ id: person.id });
    expect(await db.prisma.userSession.findUniqueOrThrow({ where: { id: laptop.session.user.sessionId! } })).toMatchObject({ endedReason: "signed out" });
    // Signing in again works.
    await expect(holding((await signIn(person)).session).me.get()).resolves.toMatchObject({ id: person.id });
  });

  it("a cookie from before session rows still works, and signing out with it ends every session as before", async () => {
    const person = await makeUser(db.prisma, "CLIENT");
    const old = await signIn(person, { legacy: true });
    const other = await signIn(person, { legacy: true });
    await expect(holding(old.session).me.get()).resolves.toMatchObject({ id: person.id });
    await authOptions.events!.signOut!({ token: old.token, session: old.session } as never);
    await expect(holding(old.session).me.get()).rejects.toMatchObject(refusedAsEnded);
    await expect(holding(other.session).me.get()).rejects.toMatchObject(refusedAsEnded);
  });

  it("a person signs out one browser from the account page, and 'sign out everywhere' ends the rest", async () => {
    const person = await makeUser(db.prisma, "FREELANCER");
    const [here, phone, tablet] = [await signIn(person), await signIn(person), await signIn(person)];
    const page = await holding(here.session).account.get();
    expect(page.sessions.map((s) => s.current)).toEqual([true, false, false]);
    expect(page.sessions[0]).toMatchObject({ id: here.session.user.sessionId, browser: "Firefox on Linux", ip: "192.0.2.7" });
    await holding(here.session).account.endSession({ sessionId: phone.session.user.sessionId! });
    await expect(holding(phone.session).me.get()).rejects.toMatchObject(refusedAsEnded);
    await expect(holding(tablet.session).me.get()).resolves.toMatchObject({ id: person.id });
    // Someone else's session, or one already ended, is not there.
    const stranger = await signIn(await makeUser(db.prisma, "CLIENT"));
    await expect(holding(stranger.session).account.endSession({ sessionId: tablet.session.user.sessionId! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(holding(here.session).account.endSession({ sessionId: phone.session.user.sessionId! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await holding(here.session).me.signOutEverywhere();
    for (const s of [here, tablet]) await expect(holding(s.session).me.get()).rejects.toMatchObject(refusedAsEnded);
  });

  it("a suspension ends every session; lifting it does not bring them back", async () => {
    const admin = await signIn(await makeUser(db.prisma, "ADMIN"));
    const person = await makeUser(db.prisma, "FREELANCER");
    const saved = await signIn(person);
    await holding(admin.session).admin.people.suspend({ idempotencyKey: key(), userId: person.id, reason: "Fake reviews reported" });
    await expect(holding(saved.session).me.get()).rejects.toMatchObject(refusedAsEnded);
    await holding(admin.session).admin.people.unsuspend({ idempotencyKey: key(), userId: person.id, reason: "Reviews were genuine" });
    await expect(holding(saved.session).me.get()).rejects.toMatchObject(refusedAsEnded);
    await expect(holding((await signIn(person)).session).me.get()).resolves.toMatchObject({ id: person.id });
  });

  it("an admin's 'sign out everywhere' ends every session at once, once per request key, audit-logged", async () => {
    const admin = await signIn(await makeUser(db.prisma, "ADMIN"));
    const person = await makeUser(db.prisma, "CLIENT");
    const saved = [await signIn(person), await signIn(person)];
    const request = { idempotencyKey: key(), userId: person.id, reason: "Reported a stolen laptop" };
    const ended = await holding(admin.session).admin.people.endSessions(request);
    expect(await holding(admin.session).admin.people.endSessions(request)).toEqual(ended);
    expect(ended).toEqual({ userId: person.id, sessionVersion: 1 });
    for (const { session } of saved) await expect(holding(session).me.get()).rejects.toMatchObject(refusedAsEnded);
    const audit = await db.prisma.auditLog.findMany({ where: { targetId: person.id, action: "user.end_sessions" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.reason).toBe("Reported a stolen laptop");
  });

  it("only admins may end someone else's sessions", async () => {
    const person = await makeUser(db.prisma, "CLIENT");
    const other = await signIn(await makeUser(db.prisma, "FREELANCER"));
    await expect(holding(other.session).admin.people.endSessions({ idempotencyKey: key(), userId: person.id, reason: "Just because" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: person.id } })).sessionVersion).toBe(0);
  });
});

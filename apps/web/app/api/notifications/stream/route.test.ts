import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Session } from "next-auth";
import { freshDatabase, makeNotification, makeUser, type TestDatabase, type TestUser } from "@fairlance/db/testing";

// The session the route reads: the one each test sets (next-auth's cookie is tested in sessions.test.ts).
let session: Session | null = null;
vi.mock("@/server/auth", () => ({ getSession: async () => session }));

let db: TestDatabase;
let GET: (typeof import("./route"))["GET"];
let live: (typeof import("@fairlance/db/live"))["liveUnreadCounts"];
let signal: (typeof import("@fairlance/db/live"))["signalNotificationsChanged"];

beforeAll(async () => {
  db = await freshDatabase();
  // The route's database and its LISTEN connection are the app's, from DATABASE_URL, read once.
  process.env.DATABASE_URL = db.url;
  ({ GET } = await import("./route"));
  ({ liveUnreadCounts: live, signalNotificationsChanged: signal } = await import("@fairlance/db/live"));
});
afterAll(() => db.drop());

const signedInAs = (user: TestUser): Session => ({ user: { ...user, sessionVersion: 0 }, expires: new Date(Date.now() + 3_600_000).toISOString() });

/** Reads the stream's text until `done(text)` holds (5 s at most). */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, done: (text: string) => boolean, sofar = ""): Promise<string> {
  const decoder = new TextDecoder();
  let text = sofar;
  const until = Date.now() + 5_000;
  while (!done(text)) {
    if (Date.now() > until) throw new Error(`The stream said only: ${JSON.stringify(text)}`);
    const { value, done: ended } = await reader.read();
    if (ended) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe("GET /api/notifications/stream", () => {
  it("refuses a request without a session, with a sentence", async () => {
    session = null;
    const response = await GET(new Request("http://localhost/api/notifications/stream"));
    expect(response.status).toBe(401);
    expect(await response.text()).toBe("Sign in to get live updates.");
  });

  it("sends the unread count at once and after each committed change, and lets go of everything when the browser leaves", async () => {
    const person = await makeUser(db.prisma, "FREELANCER");
    await makeNotification(db.prisma, person.id);
    session = signedInAs(person);
    const leave = new AbortController();
    const response = await GET(new Request("http://localhost/api/notifications/stream", { signal: leave.signal }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(live().streams(person.id)).toBe(1);

    const reader = response.body!.getReader();
    let text = await readUntil(reader, (sofar) => sofar.includes("event: unread"));
    expect(text).toBe('retry: 5000\n\nevent: unread\ndata: {"count":1}\n\n');

    await makeNotification(db.prisma, person.id);
    await db.prisma.$transaction((tx) => signal(tx, person.id));
    text = await readUntil(reader, (sofar) => sofar.includes('"count":2'), text);
    expect(text.endsWith('event: unread\ndata: {"count":2}\n\n')).toBe(true);

    leave.abort();
    expect(live().streams(person.id)).toBe(0);
    expect(live().streams()).toBe(0);
  });

  it("refuses an 11th stream of one person with 429 and a sentence (the bell polls instead)", async () => {
    const person = await makeUser(db.prisma, "CLIENT");
    session = signedInAs(person);
    const tabs = Array.from({ length: 10 }, () => new AbortController());
    for (const tab of tabs) expect((await GET(new Request("http://localhost/api/notifications/stream", { signal: tab.signal }))).status).toBe(200);
    const eleventh = await GET(new Request("http://localhost/api/notifications/stream"));
    expect(eleventh.status).toBe(429);
    expect(await eleventh.text()).toBe("You already have 10 pages with live updates open; this one checks for new notifications every 30 seconds instead.");
    for (const tab of tabs) tab.abort();
    expect(live().streams(person.id)).toBe(0);
  });
});

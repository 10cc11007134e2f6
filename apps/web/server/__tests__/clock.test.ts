import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, makeUser, type TestDatabase } from "@fairlance/db/testing";
import { anonymousCaller, callerFor } from "@/test/callers";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());
const saved = process.env.FAIRLANCE_MOVABLE_CLOCK;
afterEach(() => {
  if (saved === undefined) delete process.env.FAIRLANCE_MOVABLE_CLOCK;
  else process.env.FAIRLANCE_MOVABLE_CLOCK = saved;
});

describe("clock", () => {
  it("cannot be moved unless the server runs with the demo flag", async () => {
    delete process.env.FAIRLANCE_MOVABLE_CLOCK;
    const user = await makeUser(db.prisma, "FREELANCER");
    await expect(callerFor(db.prisma, user).clock.advance({ days: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Who is asking comes before what is asked: a bad amount of time is refused for the caller, not the input.
    for (const days of [0, -1, 1.5, 61]) {
      await expect(callerFor(db.prisma, user).clock.advance({ days })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(anonymousCaller(db.prisma).clock.advance({ days: 0 })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymousCaller(db.prisma).clock.get()).resolves.toMatchObject({ movable: false, pendingJobs: 0 });
  });

  it("refuses anonymous callers and bad amounts of time", async () => {
    process.env.FAIRLANCE_MOVABLE_CLOCK = "1";
    await expect(anonymousCaller(db.prisma).clock.advance({ days: 1 })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const user = await makeUser(db.prisma, "CLIENT");
    for (const days of [0, -1, 1.5, 61]) {
      await expect(callerFor(db.prisma, user).clock.advance({ days })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
  });
});

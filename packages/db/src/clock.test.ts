import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "./testing";
import { advanceClock, currentTime, movableClockEnabled } from "./clock";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());
const saved = { clock: process.env.FAIRLANCE_MOVABLE_CLOCK, deployment: process.env.FAIRLANCE_DEPLOYMENT };
afterEach(() => {
  for (const [name, value] of [["FAIRLANCE_MOVABLE_CLOCK", saved.clock], ["FAIRLANCE_DEPLOYMENT", saved.deployment]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("the movable clock", () => {
  it("is off by default: real time, and it cannot be moved", async () => {
    delete process.env.FAIRLANCE_MOVABLE_CLOCK;
    const before = Date.now();
    const now = await currentTime(db.prisma);
    expect(now.getTime()).toBeGreaterThanOrEqual(before);
    expect(now.getTime()).toBeLessThan(before + 5_000);
    await expect(advanceClock(db.prisma, 86_400_000)).rejects.toThrow(/FAIRLANCE_MOVABLE_CLOCK=1/);
  });

  it("moves forward only, when the demo flag is on", async () => {
    process.env.FAIRLANCE_MOVABLE_CLOCK = "1";
    const moved = await advanceClock(db.prisma, 3 * 86_400_000);
    expect(moved.getTime() - Date.now()).toBeGreaterThan(3 * 86_400_000 - 5_000);
    expect((await currentTime(db.prisma)).getTime()).toBeGreaterThanOrEqual(moved.getTime());
    await expect(advanceClock(db.prisma, -1)).rejects.toThrow(/forward/);
  });

  it("is refused by a production deployment", () => {
    process.env.FAIRLANCE_MOVABLE_CLOCK = "1";
    process.env.FAIRLANCE_DEPLOYMENT = "production";
    expect(() => movableClockEnabled()).toThrow(/production deployment refuses/);
  });
});

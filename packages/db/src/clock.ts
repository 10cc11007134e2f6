import type { Db } from "./client";
import { dbEnv } from "./env";

/**
 * Time is an input (economy.md §0.7). In a demo or test deployment started with
 * FAIRLANCE_MOVABLE_CLOCK=1 the marketplace's "now" is real time plus an
 * offset stored in the database, so a month can be simulated in seconds.
 * A production deployment (FAIRLANCE_DEPLOYMENT=production) refuses the flag.
 */
export function movableClockEnabled(): boolean {
  const enabled = dbEnv.FAIRLANCE_MOVABLE_CLOCK === "1";
  if (enabled && dbEnv.FAIRLANCE_DEPLOYMENT === "production") {
    throw new Error("FAIRLANCE_MOVABLE_CLOCK is for demos and tests; a production deployment refuses to start with it.");
  }
  return enabled;
}

export async function clockOffsetMs(db: Db): Promise<number> {
  if (!movableClockEnabled()) return 0;
  const clock = await db.simulatedClock.findUnique({ where: { id: 1 }, select: { offsetMs: true } });
  return Number(clock?.offsetMs ?? 0n);
}

/** The marketplace's current time. */
export async function currentTime(db: Db): Promise<Date> {
  return new Date(Date.now() + (await clockOffsetMs(db)));
}

/** Moves the movable clock forward (never back); returns the new time. */
export async function advanceClock(db: Db, byMs: number): Promise<Date> {
  if (!movableClockEnabled()) throw new Error("The clock can only be moved when the server runs with FAIRLANCE_MOVABLE_CLOCK=1.");
  if (!Number.isSafeInteger(byMs) || byMs <= 0) throw new Error("Move the clock forward by a positive number of milliseconds.");
  const clock = await db.simulatedClock.upsert({
    where: { id: 1 },
    create: { id: 1, offsetMs: BigInt(byMs) },
    update: { offsetMs: { increment: BigInt(byMs) } },
    select: { offsetMs: true },
  });
  return new Date(Date.now() + Number(clock.offsetMs));
}

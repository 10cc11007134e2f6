import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, DAY_MS } from "../time";
import { utc } from "../test-utils";
import { AUTO_WITHDRAWAL_SCHEDULES, isAutoWithdrawalDay, nextAutoWithdrawalRun, type AutoWithdrawalSchedule } from "./auto-withdrawal";
import { isPayoutMethodUsable, payoutMethodUsableAt } from "./withdrawals";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
/** Times of day a freelancer may save at: the first instant, just after, mid-day, the last instant. */
const TIMES = [0, 60_000, 12 * 3_600_000, DAY_MS - 1];

/** Run instants in (from, to], day by day: what a runner ticking every day would find. */
function runInstantsBetween(schedule: AutoWithdrawalSchedule, from: Date, to: Date): Date[] {
  const found: Date[] = [];
  for (let day = addDays(utc("1970-01-01"), Math.floor(from.getTime() / DAY_MS)); day.getTime() <= to.getTime(); day = addDays(day, 1)) {
    if (day.getTime() > from.getTime() && isAutoWithdrawalDay(schedule, day)) found.push(day);
  }
  return found;
}

describe("the next automatic withdrawal run (economy.md §4)", () => {
  it("saved on Wednesday Dec 16 (weekly), runs Dec 23 and not before", () => {
    const saved = utc("2026-12-16T10:00:00Z");
    const next = nextAutoWithdrawalRun({ schedule: "weekly", settledThrough: saved, now: saved });
    expect(next).toEqual({ runAt: utc("2026-12-23"), due: false, settlesThrough: utc("2026-12-23"), waitsForMethod: false });
    expect(nextAutoWithdrawalRun({ schedule: "weekly", settledThrough: saved, now: new Date(saved.getTime() + 60_000) }).due).toBe(false);
    expect(nextAutoWithdrawalRun({ schedule: "weekly", settledThrough: saved, now: utc("2026-12-22T23:59:59.999Z") }).due).toBe(false);
    expect(nextAutoWithdrawalRun({ schedule: "weekly", settledThrough: saved, now: utc("2026-12-23") }).due).toBe(true);
  });

  // Every schedule × every weekday of saving × times of day, over a year of weeks: the date the page
  // shows is a run day, after the moment of saving, with no run day in between, and the run is due
  // exactly from that instant on (what the runner does at that date).
  const weeks = Array.from({ length: 60 }, (_, week) => addDays(utc("2026-01-04"), 7 * week)); // Sundays
  for (const schedule of AUTO_WITHDRAWAL_SCHEDULES) {
    for (const [weekday, name] of WEEKDAYS.entries()) {
      it(`${schedule}, saved on a ${name}`, () => {
        for (const sunday of weeks) {
          for (const time of TIMES) {
            const saved = new Date(addDays(sunday, weekday).getTime() + time);
            const shown = nextAutoWithdrawalRun({ schedule, settledThrough: saved, now: saved });
            const horizon = addDays(saved, 200); // two quarterly runs at most 189 days apart
            const runs = runInstantsBetween(schedule, saved, horizon);
            expect(shown.runAt).toEqual(runs[0]);
            expect(shown.due).toBe(false);
            expect(isAutoWithdrawalDay(schedule, shown.runAt)).toBe(true);
            expect(shown.runAt.getTime() % DAY_MS).toBe(0);
            // The runner at the date shown, one millisecond before, and a minute after saving.
            expect(nextAutoWithdrawalRun({ schedule, settledThrough: saved, now: new Date(shown.runAt.getTime() - 1) }).due).toBe(false);
            expect(nextAutoWithdrawalRun({ schedule, settledThrough: saved, now: new Date(saved.getTime() + 60_000) }).due).toBe(shown.runAt.getTime() <= saved.getTime() + 60_000);
            const atRun = nextAutoWithdrawalRun({ schedule, settledThrough: saved, now: shown.runAt });
            expect(atRun).toEqual({ runAt: shown.runAt, due: true, settlesThrough: shown.runAt, waitsForMethod: false });
            // After the run, the page shows the run after it.
            expect(nextAutoWithdrawalRun({ schedule, settledThrough: atRun.settlesThrough, now: shown.runAt }).runAt).toEqual(runs[1]);
          }
        }
      });
    }
  }

  it("collapses missed runs into one, settled through the latest run instant before now", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...AUTO_WITHDRAWAL_SCHEDULES),
        fc.date({ min: utc("2025-01-01"), max: utc("2030-01-01"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 400 * DAY_MS }),
        (schedule, settled, later) => {
          const now = new Date(settled.getTime() + later);
          const next = nextAutoWithdrawalRun({ schedule, settledThrough: settled, now });
          const missed = runInstantsBetween(schedule, settled, now);
          expect(next.due).toBe(missed.length > 0);
          if (next.due) {
            expect(next.runAt).toEqual(missed[0]);
            expect(next.settlesThrough).toEqual(missed[missed.length - 1]);
            expect(nextAutoWithdrawalRun({ schedule, settledThrough: next.settlesThrough, now }).due).toBe(false);
          } else {
            expect(next.settlesThrough).toEqual(next.runAt);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a method usable from Dec 9 (a Thursday) does not show Dec 8: the run shown is Dec 15, the first it can pay", () => {
    const saved = utc("2027-12-01T12:00:00Z"); // a Wednesday
    const methodUsableAt = utc("2027-12-09T10:00:00Z");
    const shown = nextAutoWithdrawalRun({ schedule: "weekly", settledThrough: saved, now: saved, methodUsableAt });
    expect(shown).toEqual({ runAt: utc("2027-12-15"), due: false, settlesThrough: utc("2027-12-15"), waitsForMethod: true });
    // The runner on Dec 8 has nothing to do; the page still shows Dec 15.
    expect(nextAutoWithdrawalRun({ schedule: "weekly", settledThrough: saved, now: utc("2027-12-08"), methodUsableAt }).due).toBe(false);
    // Usable at 00:00 of a run day exactly: that run counts.
    expect(nextAutoWithdrawalRun({ schedule: "weekly", settledThrough: saved, now: saved, methodUsableAt: utc("2027-12-08") }).runAt).toEqual(utc("2027-12-08"));
    // Usable a millisecond later: the next week.
    expect(nextAutoWithdrawalRun({ schedule: "weekly", settledThrough: saved, now: saved, methodUsableAt: utc("2027-12-08T00:00:00.001Z") }).runAt).toEqual(utc("2027-12-15"));
  });

  // The runner as it runs: a tick at every 00:00 and at random moments between. A tick performs the
  // run when it is due (moving `settledThrough` as the runner does), and it pays only if the method is
  // usable at that tick (checked here on its own, from when it was added). For random schedules,
  // weekdays and times of saving, method ages and waiting days: the date shown at saving is the
  // instant of the first paying run, and no run is performed before it.
  it("the date shown is the first run that pays, and no earlier run happens", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...AUTO_WITHDRAWAL_SCHEDULES),
        fc.integer({ min: 0, max: 6 }), // weekday of saving (from a Sunday)
        fc.integer({ min: 0, max: DAY_MS - 1 }), // time of day of saving
        fc.integer({ min: 0, max: 260 }), // weeks after 2026-01-04
        fc.integer({ min: -20 * DAY_MS, max: 20 * DAY_MS }), // when the method was added, from the saving
        fc.integer({ min: 0, max: 14 }), // waiting days in force
        fc.array(fc.integer({ min: 1, max: DAY_MS - 1 }), { maxLength: 3 }), // extra ticks in a day
        (schedule, weekday, time, week, addedOffset, waitingDays, extra) => {
          const saved = new Date(addDays(utc("2026-01-04"), 7 * week + weekday).getTime() + time);
          const settings = { payoutMethodWaitingDays: waitingDays };
          const method = { kind: "ach" as const, usableFrom: payoutMethodUsableAt(new Date(saved.getTime() + addedOffset), settings) };
          const methodUsableAt = method.usableFrom;
          const shown = nextAutoWithdrawalRun({ schedule, settledThrough: saved, now: saved, methodUsableAt });
          expect(shown.due).toBe(false);
          expect(isAutoWithdrawalDay(schedule, shown.runAt)).toBe(true);
          expect(shown.runAt.getTime() % DAY_MS).toBe(0);
          let settled = saved;
          let firstPaid: Date | null = null;
          for (let day = addDays(utc("1970-01-01"), Math.floor(saved.getTime() / DAY_MS)); firstPaid === null; day = addDays(day, 1)) {
            for (const offset of [0, ...extra]) {
              const tick = new Date(day.getTime() + offset);
              if (tick.getTime() <= saved.getTime()) continue;
              const next = nextAutoWithdrawalRun({ schedule, settledThrough: settled, now: tick, methodUsableAt });
              if (!next.due) continue;
              // Performed: it must pay (the method is usable), and it is the run shown.
              expect(isPayoutMethodUsable(method, tick)).toBe(true);
              expect(tick.getTime()).toBe(shown.runAt.getTime());
              settled = next.settlesThrough;
              firstPaid = tick;
              break;
            }
            expect(day.getTime()).toBeLessThanOrEqual(addDays(saved, 230).getTime());
          }
          expect(firstPaid).toEqual(shown.runAt);
          // After it, the page shows the schedule's next run (the method stays usable).
          const after = nextAutoWithdrawalRun({ schedule, settledThrough: settled, now: firstPaid, methodUsableAt });
          expect(after.due).toBe(false);
          expect(after.runAt).toEqual(runInstantsBetween(schedule, firstPaid, addDays(firstPaid, 200))[0]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

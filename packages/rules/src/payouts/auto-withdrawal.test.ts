import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, DAY_MS } from "../time";
import { utc } from "../test-utils";
import { AUTO_WITHDRAWAL_SCHEDULES, isAutoWithdrawalDay, nextAutoWithdrawalRun, type AutoWithdrawalSchedule } from "./auto-withdrawal";

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
    expect(next).toEqual({ runAt: utc("2026-12-23"), due: false, settlesThrough: utc("2026-12-23") });
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
            expect(atRun).toEqual({ runAt: shown.runAt, due: true, settlesThrough: shown.runAt });
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
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import { addDays, addUtcMonths } from "../time";
import { expectViolation, utc } from "../test-utils";
import { jobSuccessScore, jssOutcome, type JssContract } from "./job-success";

const now = utc("2026-12-03T12:00:00Z");
const contract = (clientId: string, endedAt: string, paidMinor: bigint, clientFeedbackOverall: number | null, extra: Partial<JssContract> = {}): JssContract => ({
  clientId,
  endedAt: utc(endedAt),
  paidMinor,
  clientFeedbackOverall,
  disputeLost: false,
  endedWithoutPayment: false,
  ...extra,
});
const score = (contracts: readonly JssContract[], at = now) => jobSuccessScore({ contracts, now: at });

describe("jssOutcome (economy.md §10.6)", () => {
  it("is good with 4 or 5 stars, bad with 1 or 2, neutral with 3 or none", () => {
    expect([5, 4, 3, 2, 1, null].map((stars) => jssOutcome(contract("a", "2026-01-01", 100n, stars)))).toEqual([
      { outcome: "good" },
      { outcome: "good" },
      { outcome: "neutral" },
      { outcome: "bad", reason: "low_rating" },
      { outcome: "bad", reason: "low_rating" },
      { outcome: "neutral" },
    ]);
  });

  it("is bad after a lost dispute, whatever the stars, and after ending without payment", () => {
    expect(jssOutcome(contract("a", "2026-01-01", 100n, 5, { disputeLost: true }))).toEqual({ outcome: "bad", reason: "dispute_lost" });
    expect(jssOutcome(contract("a", "2026-01-01", 0n, null, { disputeLost: true, endedWithoutPayment: true }))).toEqual({ outcome: "bad", reason: "dispute_lost" });
    expect(jssOutcome(contract("a", "2026-01-01", 0n, null, { endedWithoutPayment: true }))).toEqual({ outcome: "bad", reason: "no_payment" });
  });
});

describe("jobSuccessScore: the worked example of economy.md §10.6", () => {
  const example = [
    contract("A", "2025-02-10", 40_000n, 5), // good
    contract("A", "2025-06-01", 25_000n, 4), // good
    contract("A", "2025-09-15", 60_000n, null), // neutral; A: 3 paid contracts, nothing bad → long-term
    contract("B", "2025-03-20", 120_000n, 3), // neutral; B: $1,200.00 paid → long-term
    contract("C", "2026-01-05", 15_000n, 2), // bad
    contract("C", "2026-05-01", 30_000n, 5), // good; C had a bad outcome → not long-term
    contract("D", "2026-08-30", 80_000n, 5), // good
    contract("E", "2026-11-20", 9_000n, 4), // good
    contract("F", "2024-10-01", 20_000n, 1), // ended before the window: ignored
  ];

  it("counts 5 good, 2 long-term clients and 1 bad: 100 × 7 ÷ 8 = 87.5, rounded half up to 88", () => {
    expect(score(example)).toEqual({
      score: 88,
      good: 5,
      bad: 1,
      badReasons: { dispute_lost: 0, no_payment: 0, low_rating: 1 },
      neutral: 2,
      longTermClients: 2,
      counted: 8,
      contractsInWindow: 8,
      paidContracts: 8,
      missingForScore: 0,
      windowStart: utc("2024-12-03T12:00:00Z"),
      explanation: [
        "Contracts that ended in the last 24 months count, from 2024-12-03",
        "5 contracts with good feedback",
        "2 long-term clients (3 paid contracts or $1,000.00 paid, and nothing bad), each counted as one more good outcome",
        "1 contract with feedback of 2 stars or less",
        "2 contracts with 3 stars or no feedback, not counted",
        "Score 88: 100 × 7 good ÷ 8 counted, rounded half up",
      ],
    });
  });

  it("falls to 78 when one more contract ends without payment: 100 × 7 ÷ 9 = 77.8", () => {
    const result = score([...example, contract("G", "2026-10-10", 0n, null, { endedWithoutPayment: true })]);
    expect(result.score).toBe(78);
    expect(result.explanation).toContain("1 contract ended without payment");
  });
});

describe("jobSuccessScore: long-term clients", () => {
  const three = [contract("A", "2026-01-01", 1_000n, null), contract("A", "2026-02-01", 1_000n, null), contract("A", "2026-03-01", 1_000n, null)];

  it("makes a client with 3 paid contracts and nothing bad one good outcome, even without feedback", () => {
    expect(score(three)).toMatchObject({ score: 100, good: 0, neutral: 3, longTermClients: 1, counted: 1 });
    expect(score(three).explanation.at(1)).toBe("1 long-term client (3 paid contracts or $1,000.00 paid, and nothing bad), counted as one more good outcome");
  });

  it("counts only contracts that paid, and $1,000.00 paid or more", () => {
    const unpaid = [three[0]!, three[1]!, contract("A", "2026-03-01", 0n, null)];
    expect(score(unpaid).longTermClients).toBe(0);
    const spent = (paid: bigint) => [contract("B", "2026-01-01", paid - 50_000n, 5), contract("B", "2026-02-01", 50_000n, 5), contract("C", "2026-03-01", 5_000n, 5)];
    expect(score(spent(99_999n)).longTermClients).toBe(0);
    expect(score(spent(100_000n)).longTermClients).toBe(1);
  });

  it("loses the bonus with one bad outcome with that client", () => {
    expect(score([...three, contract("A", "2026-04-01", 0n, null, { endedWithoutPayment: true })])).toMatchObject({ longTermClients: 0, bad: 1, score: 0 });
    expect(score([...three, contract("A", "2026-04-01", 1_000n, 5, { disputeLost: true })])).toMatchObject({ longTermClients: 0, bad: 1, score: 0 });
  });

  it("follows the settings in force", () => {
    const settings = { ...DEFAULT_SETTINGS, jssLongTermContracts: 4, jssMinContracts: 1, jssWindowMonths: 1, jssLongTermPaidMinor: 3_000n };
    expect(jobSuccessScore({ contracts: three, now, settings })).toMatchObject({ contractsInWindow: 0, score: null, missingForScore: 1 });
    expect(jobSuccessScore({ contracts: three, now: utc("2026-03-15"), settings })).toMatchObject({ contractsInWindow: 1, longTermClients: 0, score: null });
    expect(jobSuccessScore({ contracts: three, now: utc("2026-03-15"), settings: { ...settings, jssWindowMonths: 3 } })).toMatchObject({ longTermClients: 1, score: 100 });
  });
});

describe("jobSuccessScore: no score yet", () => {
  it("needs 3 contracts that paid", () => {
    const two = [contract("A", "2026-01-01", 10_000n, 5), contract("B", "2026-02-01", 10_000n, 5)];
    expect(score(two)).toMatchObject({ score: null, good: 2, paidContracts: 2, missingForScore: 1 });
    expect(score(two).explanation.at(-1)).toBe("1 more completed contract that paid is needed for a score");
    const unpaid = [two[0]!, contract("B", "2026-02-01", 0n, null, { endedWithoutPayment: true })];
    expect(score(unpaid)).toMatchObject({ score: null, paidContracts: 1, missingForScore: 2 });
    expect(score(unpaid).explanation.at(-1)).toBe("2 more completed contracts that paid are needed for a score");
  });

  it("has none when nothing counts, and says so", () => {
    const neutral = [contract("A", "2026-01-01", 100n, 3), contract("B", "2026-02-01", 100n, null), contract("C", "2026-03-01", 100n, 3)];
    expect(score(neutral)).toMatchObject({ score: null, counted: 0, missingForScore: 0, neutral: 3 });
    expect(score(neutral).explanation.at(-1)).toBe("No contract has good or bad feedback yet, so there is no score");
    expect(score([]).explanation).toEqual([
      "Contracts that ended in the last 24 months count, from 2024-12-03",
      "No contract ended in that time",
      "3 more completed contracts that paid are needed for a score",
    ]);
  });

  it("names every kind of bad outcome", () => {
    const result = score([
      contract("A", "2026-01-01", 100n, 5, { disputeLost: true }),
      contract("B", "2026-01-02", 100n, 1),
      contract("C", "2026-01-03", 0n, null, { endedWithoutPayment: true }),
      contract("D", "2026-01-04", 100n, 4),
    ]);
    expect(result).toMatchObject({ score: 25, bad: 3, badReasons: { dispute_lost: 1, no_payment: 1, low_rating: 1 } });
    expect(result.explanation).toEqual(expect.arrayContaining(["1 contract with a dispute decided against the freelancer", "1 contract ended without payment", "1 contract with feedback of 2 stars or less"]));
  });
});

describe("jobSuccessScore: the window", () => {
  const at = (endedAt: Date) => score([{ ...contract("A", "2026-01-01", 100n, 5), endedAt }]).contractsInWindow;

  it("counts contracts ended from 24 months before now to now, both included", () => {
    const start = addUtcMonths(now, -24);
    expect(at(start)).toBe(1);
    expect(at(now)).toBe(1);
    expect(at(new Date(start.getTime() - 1))).toBe(0);
    expect(at(new Date(now.getTime() + 1))).toBe(0);
  });
});

describe("jobSuccessScore: refuses what cannot be", () => {
  it("refuses stars outside 1–5, negative money, and a contract that paid yet ended without payment", () => {
    expectViolation(() => score([contract("A", "2026-01-01", 100n, 6)]), "JSS_CONTRACT_INVALID");
    expectViolation(() => score([contract("A", "2026-01-01", 100n, 4.5)]), "JSS_CONTRACT_INVALID");
    expectViolation(() => score([contract("A", "2026-01-01", -1n, 5)]), "AMOUNT_NEGATIVE");
    expectViolation(() => score([contract("A", "2026-01-01", 100n, null, { endedWithoutPayment: true })]), "JSS_CONTRACT_INVALID");
    expectViolation(() => score([{ ...contract("A", "2026-01-01", 100n, 5), endedAt: new Date(Number.NaN) }]), "INVALID_DATE");
  });
});

describe("jobSuccessScore: properties", () => {
  const windowDays = 700; // well inside 24 months before `now`
  const inWindowDate = fc.integer({ min: 0, max: windowDays }).map((days) => addDays(now, -days));
  const client = fc.constantFrom("a", "b", "c", "d", "e");
  const paid = fc.bigInt({ min: 1n, max: 150_000n });

  const goodContract = fc.record({ clientId: client, endedAt: inWindowDate, paidMinor: paid, stars: fc.constantFrom(4, 5) }).map(
    ({ stars, ...c }): JssContract => ({ ...c, clientFeedbackOverall: stars, disputeLost: false, endedWithoutPayment: false }),
  );
  const badContract = fc.oneof(
    fc.record({ clientId: client, endedAt: inWindowDate, paidMinor: paid, stars: fc.constantFrom(1, 2) }).map(
      ({ stars, ...c }): JssContract => ({ ...c, clientFeedbackOverall: stars, disputeLost: false, endedWithoutPayment: false }),
    ),
    fc.record({ clientId: client, endedAt: inWindowDate }).map((c): JssContract => ({ ...c, paidMinor: 0n, clientFeedbackOverall: null, disputeLost: false, endedWithoutPayment: true })),
    fc.record({ clientId: client, endedAt: inWindowDate, paidMinor: fc.bigInt({ min: 0n, max: 150_000n }), stars: fc.option(fc.integer({ min: 1, max: 5 })) }).map(
      ({ stars, ...c }): JssContract => ({ ...c, clientFeedbackOverall: stars, disputeLost: true, endedWithoutPayment: false }),
    ),
  );
  const neutralContract = fc.record({ clientId: client, endedAt: inWindowDate, paidMinor: paid, stars: fc.constantFrom(3, null) }).map(
    ({ stars, ...c }): JssContract => ({ ...c, clientFeedbackOverall: stars, disputeLost: false, endedWithoutPayment: false }),
  );
  const anyContract = fc.oneof(goodContract, badContract, neutralContract);
  const history = fc.array(anyContract, { maxLength: 25 });

  it("is a whole number from 0 to 100, or null", () => {
    fc.assert(
      fc.property(history, (contracts) => {
        const { score: s } = score(contracts);
        if (s !== null) {
          expect(Number.isInteger(s)).toBe(true);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it("never falls when a good outcome is added, never rises when a bad one is", () => {
    fc.assert(
      fc.property(history, goodContract, badContract, (contracts, good, bad) => {
        const before = score(contracts).score;
        const withGood = score([...contracts, good]).score;
        const withBad = score([...contracts, bad]).score;
        if (before !== null) {
          expect(withGood).not.toBeNull();
          expect(withGood!).toBeGreaterThanOrEqual(before);
          if (withBad !== null) expect(withBad).toBeLessThanOrEqual(before);
        }
      }),
    );
  });

  it("has no score below the minimum of paid contracts, and says how many are missing", () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 1, max: 10 }), (contracts, jssMinContracts) => {
        const result = jobSuccessScore({ contracts, now, settings: { ...DEFAULT_SETTINGS, jssMinContracts } });
        const paidCount = contracts.filter((c) => c.paidMinor > 0n).length;
        expect(result.paidContracts).toBe(paidCount);
        expect(result.missingForScore).toBe(Math.max(0, jssMinContracts - paidCount));
        if (paidCount < jssMinContracts) expect(result.score).toBeNull();
        else expect(result.score === null).toBe(result.counted === 0);
      }),
    );
  });

  it("does not depend on the order of the contracts", () => {
    fc.assert(
      fc.property(history, fc.infiniteStream(fc.nat()), (contracts, keys) => {
        const order = contracts.map((c) => ({ c, key: keys.next().value as number }));
        const shuffled = order.sort((x, y) => x.key - y.key).map(({ c }) => c);
        expect(score(shuffled)).toEqual(score(contracts));
        expect(score([...contracts].reverse())).toEqual(score(contracts));
      }),
    );
  });

  it("ignores contracts that ended outside the window", () => {
    const outside = fc.oneof(fc.integer({ min: 1, max: 5_000 }).map((days) => addDays(addUtcMonths(now, -24), -days)), fc.integer({ min: 1, max: 500 }).map((days) => addDays(now, days)));
    const outsideContract = fc.tuple(anyContract, outside).map(([c, endedAt]) => ({ ...c, endedAt }));
    fc.assert(
      fc.property(history, fc.array(outsideContract, { maxLength: 10 }), (contracts, extra) => {
        expect(score([...contracts, ...extra])).toEqual(score(contracts));
      }),
    );
  });
});

import { RuleViolation } from "../errors";
import { assertNonNegativeMinor, divideRounded, type Minor } from "../money/arithmetic";
import { formatMoney } from "../money/format";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import type { MarketplaceSettings } from "../settings/settings";
import { addUtcMonths, assertValidDate } from "../time";
import { isStars } from "./feedback";

/**
 * The Job Success Score (economy.md §10.6): the share of a freelancer's recent contracts that went
 * well, as a whole percent. Exact (integers only), explainable (every number comes with a sentence)
 * and hard to game (only contracts that paid count towards a score, one bad outcome with a client
 * cancels the long-term bonus with them, the client's stars count only once revealed).
 */

/** One ended contract of the freelancer, as the score reads it. */
export interface JssContract {
  clientId: string;
  endedAt: Date;
  /** Money paid to the freelancer on the contract (gross, cents). */
  paidMinor: Minor;
  /** The client's overall stars, 1–5, only once revealed and not hidden by an admin; otherwise null. */
  clientFeedbackOverall: number | null;
  /**
   * An admin decided a dispute on the contract against the freelancer: refunded all of it, or split
   * it refunding the client more than it released (a settlement or a withdrawn dispute is not lost).
   */
  disputeLost: boolean;
  /** The contract was active and ended without paying the freelancer anything (the caller decides). */
  endedWithoutPayment: boolean;
}

export type JssSettings = Pick<MarketplaceSettings, "jssMinContracts" | "jssWindowMonths" | "jssLongTermContracts" | "jssLongTermPaidMinor">;

/** Why an outcome is bad, the first that applies in this order. */
export type JssBadReason = "dispute_lost" | "no_payment" | "low_rating";
export type JssOutcome = { outcome: "good" } | { outcome: "bad"; reason: JssBadReason } | { outcome: "neutral" };

/** Good: 4 or 5 revealed stars and nothing bad. Bad: a lost dispute, no payment, or 1 or 2 stars. Otherwise neutral (3 stars, or none). */
export const JSS_STARS = { goodFrom: 4, badUpTo: 2 } as const;

/** One contract's outcome (economy.md §10.6). */
export function jssOutcome(contract: JssContract): JssOutcome {
  const stars = contract.clientFeedbackOverall;
  if (contract.disputeLost) return { outcome: "bad", reason: "dispute_lost" };
  if (contract.endedWithoutPayment) return { outcome: "bad", reason: "no_payment" };
  if (stars !== null && stars <= JSS_STARS.badUpTo) return { outcome: "bad", reason: "low_rating" };
  if (stars !== null && stars >= JSS_STARS.goodFrom) return { outcome: "good" };
  return { outcome: "neutral" };
}

export interface JobSuccess {
  /** 0–100, or null while there is no score (too few paid contracts, or nothing counted). */
  score: number | null;
  /** Contracts with a good outcome. */
  good: number;
  /** Contracts with a bad outcome (`badReasons` splits them). */
  bad: number;
  badReasons: Record<JssBadReason, number>;
  /** Contracts with 3 stars or no feedback: not counted. */
  neutral: number;
  /** Long-term clients: each adds one good outcome. */
  longTermClients: number;
  /** The outcomes the score is made of: good + longTermClients + bad. */
  counted: number;
  /** Contracts ended within the window. */
  contractsInWindow: number;
  /** Of them, those that paid the freelancer: a score needs `jssMinContracts` of them. */
  paidContracts: number;
  /** How many more paid contracts are needed for a score (0 once there are enough). */
  missingForScore: number;
  /** The first moment of the window: contracts ended from then until `now` count. */
  windowStart: Date;
  /** The score in sentences, in the order a person reads them. */
  explanation: string[];
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;

function assertJssContract(contract: JssContract): void {
  assertValidDate(contract.endedAt, "end of the contract");
  assertNonNegativeMinor(contract.paidMinor, "amount paid");
  if (contract.clientFeedbackOverall !== null && !isStars(contract.clientFeedbackOverall)) {
    throw new RuleViolation("JSS_CONTRACT_INVALID", "A client's rating is whole stars from 1 to 5, or none.", { clientId: contract.clientId });
  }
  if (contract.endedWithoutPayment && contract.paidMinor > 0n) {
    throw new RuleViolation("JSS_CONTRACT_INVALID", "A contract that paid the freelancer did not end without payment.", { clientId: contract.clientId });
  }
}

/**
 * The Job Success Score at `now` (economy.md §10.6), from the freelancer's ended contracts; those
 * that ended outside the window (`jssWindowMonths` back from `now`, to `now`) are ignored.
 *
 * 1. Each contract is good, bad or neutral (`jssOutcome`).
 * 2. Each long-term client (`jssLongTermContracts` paid contracts, or `jssLongTermPaidMinor` paid,
 *    within the window) with no bad outcome adds one good outcome.
 * 3. score = 100 × good outcomes ÷ (good + bad outcomes), rounded half up to a whole number; none
 *    below `jssMinContracts` paid contracts, or when no outcome counts.
 */
export function jobSuccessScore({ contracts, now, settings = DEFAULT_SETTINGS }: { contracts: readonly JssContract[]; now: Date; settings?: JssSettings }): JobSuccess {
  contracts.forEach(assertJssContract);
  const windowStart = addUtcMonths(now, -settings.jssWindowMonths);
  const inWindow = contracts.filter((c) => c.endedAt.getTime() >= windowStart.getTime() && c.endedAt.getTime() <= now.getTime());

  let good = 0;
  let neutral = 0;
  const badReasons: Record<JssBadReason, number> = { dispute_lost: 0, no_payment: 0, low_rating: 0 };
  const clients = new Map<string, { paidContracts: number; paidMinor: Minor; anyBad: boolean }>();
  for (const contract of inWindow) {
    const outcome = jssOutcome(contract);
    if (outcome.outcome === "good") good += 1;
    else if (outcome.outcome === "neutral") neutral += 1;
    else badReasons[outcome.reason] += 1;
    const client = clients.get(contract.clientId) ?? { paidContracts: 0, paidMinor: 0n, anyBad: false };
    if (contract.paidMinor > 0n) client.paidContracts += 1;
    client.paidMinor += contract.paidMinor;
    client.anyBad ||= outcome.outcome === "bad";
    clients.set(contract.clientId, client);
  }
  const bad = badReasons.dispute_lost + badReasons.no_payment + badReasons.low_rating;
  const longTermClients = [...clients.values()].filter(
    (client) => !client.anyBad && (client.paidContracts >= settings.jssLongTermContracts || client.paidMinor >= settings.jssLongTermPaidMinor),
  ).length;
  const paidContracts = inWindow.filter((c) => c.paidMinor > 0n).length;
  const counted = good + longTermClients + bad;
  const missingForScore = Math.max(0, settings.jssMinContracts - paidContracts);
  const score = missingForScore === 0 && counted > 0 ? Number(divideRounded(100n * BigInt(good + longTermClients), BigInt(counted))) : null;

  const explanation: string[] = [`Contracts that ended in the last ${plural(settings.jssWindowMonths, "month", "months")} count, from ${windowStart.toISOString().slice(0, 10)}`];
  if (inWindow.length === 0) explanation.push("No contract ended in that time");
  if (good > 0) explanation.push(`${plural(good, "contract", "contracts")} with good feedback`);
  if (longTermClients > 0) {
    explanation.push(
      `${plural(longTermClients, "long-term client", "long-term clients")} (${plural(settings.jssLongTermContracts, "paid contract", "paid contracts")} or ${formatMoney(settings.jssLongTermPaidMinor)} paid, and nothing bad), ${longTermClients === 1 ? "counted as one more good outcome" : "each counted as one more good outcome"}`,
    );
  }
  if (badReasons.dispute_lost > 0) explanation.push(`${plural(badReasons.dispute_lost, "contract", "contracts")} with a dispute decided against the freelancer`);
  if (badReasons.no_payment > 0) explanation.push(`${plural(badReasons.no_payment, "contract", "contracts")} ended without payment`);
  if (badReasons.low_rating > 0) explanation.push(`${plural(badReasons.low_rating, "contract", "contracts")} with feedback of 2 stars or less`);
  if (neutral > 0) explanation.push(`${plural(neutral, "contract", "contracts")} with 3 stars or no feedback, not counted`);
  if (missingForScore > 0) {
    explanation.push(`${missingForScore.toLocaleString("en-US")} more completed ${missingForScore === 1 ? "contract that paid is" : "contracts that paid are"} needed for a score`);
  } else if (score === null) {
    explanation.push("No contract has good or bad feedback yet, so there is no score");
  } else {
    explanation.push(`Score ${score}: 100 × ${good + longTermClients} good ÷ ${counted} counted, rounded half up`);
  }

  return { score, good, bad, badReasons, neutral, longTermClients, counted, contractsInWindow: inWindow.length, paidContracts, missingForScore, windowStart, explanation };
}

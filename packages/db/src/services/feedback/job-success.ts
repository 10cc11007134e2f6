import { jobSuccessScore, type JobSuccess, type JssContract } from "@fairlance/rules";
import type { Db, PrismaClient } from "../../client";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import type { SystemCall } from "../actor";
import { feedbackWindows, feedbackClosesAtFor } from "./shared";
import { tellRevealedFeedback } from "./tell-revealed";

/**
 * The reputation side of the job runner (economy.md §10.3, §10.6): feedback whose window closed is
 * revealed, and the Job Success Score of every freelancer something happened to is computed again
 * by the rules' `jobSuccessScore` over what the database records.
 */

/**
 * Reveals the feedback of ended contracts whose window closed by `now` with only one side's
 * feedback left (the second side's reveals at once, in leaveFeedback): `feedbackRevealedAt` is the
 * close itself, as the rules' feedbackVisibility says, however late the runner comes. Contracts
 * with no feedback at all have nothing to reveal. Running it again changes nothing.
 */
export async function revealClosedFeedback(prisma: PrismaClient, call: SystemCall & { limit?: number }): Promise<{ revealed: number; freelancerIds: string[] }> {
  const windows = await feedbackWindows(prisma);
  const waiting = await prisma.contract.findMany({
    where: { status: "ENDED", feedbackRevealedAt: null, endedAt: { lte: call.now }, feedback: { some: {} } },
    select: { id: true, endedAt: true, freelancerId: true },
    orderBy: { endedAt: "asc" },
    take: call.limit ?? 1000,
  });
  const freelancerIds = new Set<string>();
  let revealed = 0;
  for (const contract of waiting) {
    const closesAt = feedbackClosesAtFor(windows, contract.endedAt!);
    if (closesAt.getTime() > call.now.getTime()) continue;
    // Only if still blind: a second submission (before the close) may have revealed it meanwhile.
    // The person it is about is told in the same transaction.
    const count = await runTransaction(prisma, async (tx) => {
      const { count } = await tx.contract.updateMany({ where: { id: contract.id, feedbackRevealedAt: null }, data: { feedbackRevealedAt: closesAt } });
      if (count > 0) await tellRevealedFeedback(tx, contract.id, call.now);
      return count;
    });
    if (count > 0) {
      revealed += 1;
      freelancerIds.add(contract.freelancerId);
    }
  }
  return { revealed, freelancerIds: [...freelancerIds] };
}

/**
 * A freelancer's ended contracts as the score reads them (economy.md §10.6): what each paid
 * (released Payment rows, gross), the client's overall stars once revealed by `now` and not hidden,
 * whether an admin decided a dispute on it against the freelancer (refunded all, or split refunding
 * more than released), and whether it ended without paying anything.
 */
export async function jssContractsOf(db: Db, freelancerId: string, now: Date): Promise<JssContract[]> {
  const contracts = await db.contract.findMany({
    where: { freelancerId, status: "ENDED", endedAt: { lte: now } },
    select: {
      clientId: true,
      endedAt: true,
      feedbackRevealedAt: true,
      payments: { select: { grossMinor: true } },
      feedback: { where: { side: "CLIENT", hiddenAt: null }, select: { overall: true } },
      disputes: { where: { status: "DECIDED" }, select: { outcome: true, releasedMinor: true, refundedMinor: true } },
    },
  });
  return contracts.map((contract) => {
    const paidMinor = contract.payments.reduce((sum, payment) => sum + payment.grossMinor, 0n);
    const revealed = contract.feedbackRevealedAt !== null && contract.feedbackRevealedAt.getTime() <= now.getTime();
    return {
      clientId: contract.clientId,
      endedAt: contract.endedAt!,
      paidMinor,
      clientFeedbackOverall: revealed ? (contract.feedback[0]?.overall ?? null) : null,
      disputeLost: contract.disputes.some((d) => d.outcome === "REFUND" || (d.outcome === "SPLIT" && (d.refundedMinor ?? 0n) > (d.releasedMinor ?? 0n))),
      endedWithoutPayment: paidMinor === 0n,
    };
  });
}

/** A freelancer's Job Success Score at `now`, with the settings in force: the rules' function over the database's outcomes. */
export async function computeJobSuccess(db: Db, freelancerId: string, now: Date): Promise<JobSuccess> {
  const [{ settings }, contracts] = await Promise.all([loadSettings(db, now), jssContractsOf(db, freelancerId, now)]);
  return jobSuccessScore({ contracts, now, settings });
}

/** The parts of a result that are stored; a change in any of them is a new snapshot. */
const storedOf = (result: Pick<JobSuccess, "score" | "good" | "bad" | "neutral" | "longTermClients" | "counted">) => ({
  score: result.score,
  good: result.good,
  bad: result.bad,
  neutral: result.neutral,
  longTermClients: result.longTermClients,
  counted: result.counted,
});
/** Before any snapshot a freelancer has no score and nothing counted: the same result again is not a change. */
const NOTHING = storedOf({ score: null, good: 0, bad: 0, neutral: 0, longTermClients: 0, counted: 0 });
const sameStored = (a: ReturnType<typeof storedOf>, b: ReturnType<typeof storedOf>) => (Object.keys(a) as (keyof typeof a)[]).every((k) => a[k] === b[k]);

export interface ScoreRefresh {
  /** Whether every freelancer was looked at (the day's first run), or only those touched since `since`. */
  fullPass: boolean;
  computed: number;
  /** Freelancers whose stored score or counts changed (each got a snapshot). */
  changed: number;
}

/**
 * Computes again the Job Success Score of the freelancers touched since `since` (a contract ended,
 * its feedback revealed, a dispute on it decided), or of every freelancer with a contract or a
 * score when `since` is null (the daily pass: contracts leave the window with nobody touching
 * them). The profile's score and a JobSuccessSnapshot are written only when the result changed,
 * in one transaction per freelancer holding their profile's lock, so running it twice, or two
 * runners at once, records each change once.
 */
export async function refreshJobSuccessScores(prisma: PrismaClient, call: SystemCall & { since: Date | null; also?: readonly string[] }): Promise<ScoreRefresh> {
  const { now, since } = call;
  const ids = new Set<string>(call.also ?? []);
  if (since === null) {
    const [ended, scored] = await Promise.all([
      prisma.contract.findMany({ where: { status: "ENDED" }, select: { freelancerId: true }, distinct: ["freelancerId"] }),
      prisma.jobSuccessSnapshot.findMany({ select: { userId: true }, distinct: ["userId"] }),
    ]);
    for (const row of ended) ids.add(row.freelancerId);
    for (const row of scored) ids.add(row.userId);
  } else {
    const between = { gte: since, lte: now };
    const [ended, revealed, disputes] = await Promise.all([
      prisma.contract.findMany({ where: { status: "ENDED", endedAt: between }, select: { freelancerId: true }, distinct: ["freelancerId"] }),
      prisma.contract.findMany({ where: { feedbackRevealedAt: between }, select: { freelancerId: true }, distinct: ["freelancerId"] }),
      prisma.dispute.findMany({ where: { status: "DECIDED", closedAt: between }, select: { contract: { select: { freelancerId: true } } } }),
    ]);
    for (const row of [...ended, ...revealed]) ids.add(row.freelancerId);
    for (const row of disputes) ids.add(row.contract.freelancerId);
  }
  let changed = 0;
  for (const freelancerId of ids) {
    const wrote = await runTransaction(prisma, async (tx) => {
      const locked = await tx.$queryRaw<{ userId: string }[]>`SELECT "userId" FROM "FreelancerProfile" WHERE "userId" = ${freelancerId}::uuid FOR UPDATE`;
      if (locked.length === 0) return false;
      const result = await computeJobSuccess(tx, freelancerId, now);
      const last = await tx.jobSuccessSnapshot.findFirst({ where: { userId: freelancerId }, orderBy: [{ computedAt: "desc" }, { id: "desc" }] });
      const next = storedOf(result);
      if (sameStored(last ? storedOf(last) : NOTHING, next)) return false;
      await tx.jobSuccessSnapshot.create({ data: { userId: freelancerId, ...next, computedAt: now } });
      await tx.freelancerProfile.update({ where: { userId: freelancerId }, data: { jobSuccessScore: result.score, jobSuccessAt: now } });
      return true;
    });
    if (wrote) changed += 1;
  }
  return { fullPass: since === null, computed: ids.size, changed };
}

const utcDay = (at: Date) => Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());

/**
 * The runner's `update_reputation` (runner/tasks.ts): reveals the feedback whose window closed, then
 * computes the scores of the freelancers touched since the last successful run of the task, or of
 * everyone on the marketplace day's first run (or when it never ran).
 */
export async function updateReputation(prisma: PrismaClient, call: SystemCall): Promise<{ revealed: number } & ScoreRefresh> {
  const { revealed, freelancerIds } = await revealClosedFeedback(prisma, call);
  const last = await prisma.jobRun.findFirst({
    where: { task: "update_reputation", status: "SUCCEEDED", now: { lt: call.now } },
    orderBy: { now: "desc" },
    select: { now: true },
  });
  const since = last && utcDay(last.now) === utcDay(call.now) ? last.now : null;
  return { revealed, ...(await refreshJobSuccessScores(prisma, { now: call.now, since, also: freelancerIds })) };
}

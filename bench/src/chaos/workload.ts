import { key } from "@fairlance/db/testing";
import { trpc } from "../harness/http";
import type { Journal, OperationPath } from "./journal";
import { sleep, type Random } from "./random";
import { perform, type Session } from "./replay";
import type { SeededPair } from "./seed";

export interface VirtualUserContext {
  journal: Journal;
  baseUrl: string;
  pair: SeededPair;
  client: Session;
  freelancer: Session;
  jobIds: readonly string[];
  random: Random;
  stopped: () => boolean;
  /** Share of operations sent twice at once with the same key (a double click). */
  duplicateRate: number;
}

/**
 * One virtual user: a client and a freelancer on their contract, going round the money cycle
 * (buy connects, propose, add, fund, submit and approve a milestone or have the freelancer refund
 * it, pay a bonus, withdraw) until told to stop. Each step waits for the previous one's definitive answer.
 */
export async function runVirtualUser(context: VirtualUserContext): Promise<void> {
  const { journal, baseUrl, pair, client, freelancer, random } = context;
  const op = (session: Session, path: OperationPath, input: Record<string, unknown>) =>
    perform(journal, baseUrl, session, path, { idempotencyKey: key("chaos"), ...input }, { duplicate: random.chance(context.duplicateRate) });
  const resultOf = <T>(entry: Awaited<ReturnType<typeof op>>): T | null => (entry.outcome?.kind === "success" ? (entry.outcome.result as T) : null);

  // Each freelancer walks the open jobs in its own order, proposing once per job.
  const jobs = [...context.jobIds].sort(() => random.next() - 0.5);
  let nextJob = 0;
  let withdrawals = 0;

  while (!context.stopped()) {
    if (random.chance(0.8)) {
      await op(freelancer, "connects.buy", { bundleSize: random.pick([10, 20]), paidWith: "card", paymentMethodId: pair.freelancer.cardId });
    }
    if (context.stopped()) break;
    if (nextJob < jobs.length) {
      await op(freelancer, "proposal.submit", {
        jobId: jobs[nextJob++]!,
        coverLetter: "I have done this kind of work many times; here is how I would go about it.",
        bidMinor: BigInt(random.int(2_000, 90_000)),
      });
    }
    if (context.stopped()) break;

    const added = resultOf<{ milestoneId: string }>(
      await op(client, "milestone.add", { contractId: pair.contractId, milestone: { title: `Step ${random.int(1, 9999)}`, amountMinor: BigInt(random.int(500, 40_000)) } }),
    );
    if (added && !context.stopped()) {
      const funded = resultOf(await op(client, "milestone.fund", { milestoneId: added.milestoneId }));
      if (funded && !context.stopped()) {
        // Only the freelancer can give a funded milestone's money back (the client asks for it).
        if (random.chance(0.2)) {
          await op(freelancer, "milestone.refund", { milestoneId: added.milestoneId });
        } else {
          const submitted = resultOf(await op(freelancer, "milestone.submit", { milestoneId: added.milestoneId, note: "Done, see the link in the thread." }));
          if (submitted && !context.stopped()) {
            if (random.chance(0.8)) await op(client, "milestone.approve", { milestoneId: added.milestoneId });
            else await op(freelancer, "milestone.refund", { milestoneId: added.milestoneId });
          }
        }
      }
    }
    if (context.stopped()) break;
    if (random.chance(0.4)) {
      await op(client, "contract.payBonus", { contractId: pair.contractId, amountMinor: BigInt(random.int(100, 5_000)), note: "Thanks!" });
    }
    if (context.stopped()) break;
    if (random.chance(0.6)) {
      // Every eighth asks for more than there is: a definitive refusal that must change nothing.
      const amountMinor = ++withdrawals % 8 === 0 ? 100_000_000n : BigInt(random.int(100, 400));
      await op(freelancer, "payout.withdraw", { payoutMethodId: pair.freelancer.payoutMethodId, amountMinor });
    }
  }
}

/**
 * The movable clock moves a day every few seconds, so the runner has real work under the
 * kills: money clears after its security period, submitted work is approved automatically.
 * Moving the clock is not a money operation: it is tried once and not replayed.
 */
export async function runClock(input: { baseUrl: string; session: Session; random: Random; stopped: () => boolean }): Promise<{ advanced: number; failed: number }> {
  let advanced = 0;
  let failed = 0;
  while (!input.stopped()) {
    await sleep(input.random.int(5_000, 9_000));
    if (input.stopped()) break;
    try {
      const answer = await trpc(input.baseUrl, input.session.cookie, "clock.advance", { days: 1 }, { signal: AbortSignal.timeout(20_000) });
      if (answer.ok) advanced++;
      else failed++;
    } catch {
      failed++;
    }
  }
  return { advanced, failed };
}

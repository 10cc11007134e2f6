import { addDays, connectsRoi, startOfUtcWeek, type ConnectsRoi } from "@fairlance/rules";
import type { Db } from "../client";
import { loadSettings } from "../settings/load-settings";

export const ROI_WEEKS = 12;

export interface ConnectsRoiWeek {
  /** Monday 00:00 UTC of the week the proposals were sent. */
  weekStartsAt: Date;
  proposals: number;
  /** Connects spent on that week's proposals, net of what came back. */
  connectsSpent: number;
  viewed: number;
  hires: number;
}

export interface ConnectsRoiReport {
  /** The funnel over all proposals, priced at the connect price in force now (economy.md §8). */
  roi: ConnectsRoi;
  connectPriceMinor: bigint;
  /** The last ROI_WEEKS weeks, oldest first, by the week each proposal was sent. */
  weeks: ConnectsRoiWeek[];
}

/**
 * Connects ROI (economy.md §8): connects spent on proposals (net of refunds) → proposals viewed →
 * interviews → hires. An interview is a proposal the client wrote to, moved to interviewing, or
 * sent an offer on; a hire is a proposal whose offer was accepted (economy.md §3.7).
 */
export async function getConnectsRoi(db: Db, freelancerId: string, now: Date): Promise<ConnectsRoiReport> {
  const [proposals, entries, clientMessages, { settings }] = await Promise.all([
    db.proposal.findMany({
      where: { freelancerId },
      select: { id: true, submittedAt: true, viewedAt: true, status: true, contracts: { where: { status: { in: ["ACTIVE", "ENDED"] } }, select: { id: true }, take: 1 } },
    }),
    db.connectEntry.findMany({
      where: { userId: freelancerId, proposalId: { not: null }, kind: { in: ["SPEND", "REFUND"] } },
      select: { proposalId: true, delta: true },
    }),
    db.message.findMany({
      where: { recipientId: freelancerId, proposalId: { not: null } },
      distinct: ["proposalId"],
      select: { proposalId: true },
    }),
    loadSettings(db, now),
  ]);
  const spentOn = new Map<string, number>();
  for (const entry of entries) spentOn.set(entry.proposalId!, (spentOn.get(entry.proposalId!) ?? 0) - entry.delta);
  const written = new Set(clientMessages.map((message) => message.proposalId));
  const facts = proposals.map((proposal) => {
    const hired = proposal.status === "HIRED" || proposal.contracts.length > 0;
    const interview = written.has(proposal.id) || proposal.status === "INTERVIEWING" || proposal.status === "OFFERED" || hired;
    // A funnel: a client who wrote to or hired the freelancer has seen the proposal, opened or not.
    const viewed = proposal.viewedAt !== null || proposal.status === "SHORTLISTED" || interview;
    return { weekStartsAt: startOfUtcWeek(proposal.submittedAt).getTime(), connectsSpent: spentOn.get(proposal.id) ?? 0, viewed, interview, hired };
  });
  const count = (list: typeof facts, test: (fact: (typeof facts)[number]) => boolean) => list.filter(test).length;
  const funnel = {
    connectsSpent: facts.reduce((sum, fact) => sum + fact.connectsSpent, 0),
    proposals: facts.length,
    viewed: count(facts, (fact) => fact.viewed),
    interviews: count(facts, (fact) => fact.interview),
    hires: count(facts, (fact) => fact.hired),
  };
  const thisWeek = startOfUtcWeek(now);
  const weeks = Array.from({ length: ROI_WEEKS }, (_, index) => {
    const weekStartsAt = addDays(thisWeek, -7 * (ROI_WEEKS - 1 - index));
    const inWeek = facts.filter((fact) => fact.weekStartsAt === weekStartsAt.getTime());
    return {
      weekStartsAt,
      proposals: inWeek.length,
      connectsSpent: inWeek.reduce((sum, fact) => sum + fact.connectsSpent, 0),
      viewed: count(inWeek, (fact) => fact.viewed),
      hires: count(inWeek, (fact) => fact.hired),
    };
  });
  return { roi: connectsRoi(funnel, settings.connectPriceMinor), connectPriceMinor: settings.connectPriceMinor, weeks };
}

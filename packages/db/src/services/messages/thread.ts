import type { ScamPattern } from "@fairlance/rules";
import type { Db } from "../../client";
import { DomainError } from "../../errors";

export interface Thread {
  proposalId: string | null;
  contractId: string | null;
  clientId: string;
  freelancerId: string;
  /** The job the conversation is about (a direct offer's contract may have none). */
  job: { id: string; title: string; status: string } | null;
}

/** Why a conversation takes no new messages (its job was removed by Fairlance), or null when it is open. */
export function threadClosedNotice(thread: Pick<Thread, "job">): string | null {
  return thread.job?.status === "REMOVED" ? "Fairlance removed this job for breaking the marketplace rules, so its conversation is closed: you can read it, but not send new messages." : null;
}

/**
 * The conversation a message belongs to: a proposal (between the freelancer who sent it and the
 * client who owns the job — so a freelancer can only write to a client after proposing) or a
 * contract. Anyone else is told it does not exist.
 */
export async function threadFor(db: Db, ref: { proposalId?: string | null; contractId?: string | null }, actorId: string): Promise<Thread> {
  let thread: Thread | null = null;
  if (ref.proposalId) {
    const proposal = await db.proposal.findUnique({
      where: { id: ref.proposalId },
      select: { freelancerId: true, job: { select: { id: true, title: true, status: true, clientId: true } } },
    });
    if (proposal) {
      const { clientId, ...job } = proposal.job;
      thread = { proposalId: ref.proposalId, contractId: null, clientId, freelancerId: proposal.freelancerId, job };
    }
  } else if (ref.contractId) {
    const contract = await db.contract.findUnique({
      where: { id: ref.contractId },
      select: { clientId: true, freelancerId: true, job: { select: { id: true, title: true, status: true } } },
    });
    if (contract) thread = { proposalId: null, contractId: ref.contractId, ...contract };
  }
  if (!thread || (thread.clientId !== actorId && thread.freelancerId !== actorId)) {
    throw new DomainError("NOT_FOUND", "This conversation does not exist.");
  }
  return thread;
}

/** Whether the two people have a contract that started: contact details are fine from then on (economy.md §5). */
export async function hasStartedContract(db: Db, thread: Thread): Promise<boolean> {
  const count = await db.contract.count({
    where: { clientId: thread.clientId, freelancerId: thread.freelancerId, status: { in: ["ACTIVE", "ENDED"] } },
  });
  return count > 0;
}

export interface ScamWarning {
  message: string;
  matches: { patternId: string; label: string }[];
}

/** The warning shown to the recipient of a flagged message; null for a clean one. */
export function warningFor(flags: readonly string[], patterns: readonly ScamPattern[]): ScamWarning | null {
  if (flags.length === 0) return null;
  const matches = flags.map((id) => ({ patternId: id, label: patterns.find((pattern) => pattern.id === id)?.label ?? id }));
  const payment = flags.some((id) => patterns.find((pattern) => pattern.id === id)?.category !== "contact");
  const advice = payment
    ? "Never pay deposits or training fees, cash checks, pay in crypto or pay outside Fairlance: those are how scams work."
    : "Keep the conversation on Fairlance until a contract starts: it protects you if something goes wrong.";
  return { message: `Be careful — this message contains: ${matches.map((match) => match.label.toLowerCase()).join(", ")}. ${advice}`, matches };
}


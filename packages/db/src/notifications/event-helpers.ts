import type { Db } from "../client";

/**
 * What the services need to tell people about what happened (the catalogue's events, economy.md
 * §11): where each notification leads, and the few facts an operation does not already hold.
 */

/** Where a notification leads in the app: the page where the event happened. */
export const LINKS = {
  /** A freelancer's view of a job and their proposal on it (with its conversation). */
  job: (jobId: string) => `/jobs/${jobId}`,
  /** A client's view of their job and its proposals. */
  clientJob: (jobId: string) => `/client/jobs/${jobId}`,
  invitations: () => "/invitations",
  contract: (contractId: string) => `/contracts/${contractId}`,
  dispute: (disputeId: string) => `/disputes/${disputeId}`,
  earnings: () => "/earnings",
  payouts: () => "/payouts",
  connects: () => "/connects",
  dashboard: () => "/dashboard",
  account: () => "/account",
  /** What a person reported, and what was decided (economy.md §5.2). */
  reports: () => "/reports",
} as const;

/** A person's name as the other side sees it. */
export async function nameOf(db: Db, userId: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  return user.name;
}

/** What a person typed, to quote inside a sentence: without its final full stop. */
export function withoutFinalStop(text: string): string {
  return text.trim().replace(/[.]+$/, "");
}

/** A sentence of the rules ("The client closed the job without hiring.") as a clause: "the client closed the job without hiring". */
export function asClause(sentence: string): string {
  const trimmed = sentence.trim().replace(/[.!]+$/, "");
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

/** Where a message was sent, as its sender opens it: the contract, or the job of the proposal (each side's page of it). */
export async function messageLink(db: Db, messageId: string): Promise<string> {
  const message = await db.message.findUniqueOrThrow({ where: { id: messageId }, select: { proposalId: true, contractId: true, sender: { select: { role: true } } } });
  if (message.contractId) return LINKS.contract(message.contractId);
  const proposal = message.proposalId ? await db.proposal.findUnique({ where: { id: message.proposalId }, select: { jobId: true } }) : null;
  if (!proposal) return LINKS.dashboard();
  return message.sender.role === "CLIENT" ? LINKS.clientJob(proposal.jobId) : LINKS.job(proposal.jobId);
}

import { z } from "zod";
import type { Db } from "../../client";
import { DomainError } from "../../errors";
import type { Actor } from "../actor";
import { threadClosedNotice, threadFor } from "./thread";

/**
 * Conversations (economy.md §5.1): a proposal's thread (the freelancer who proposed and the job's
 * client), a contract's, and a dispute's statements (its two parties and the admins who mediate).
 * Each is named by a key, "proposal:<id>", "contract:<id>" or "dispute:<id>", which
 * ConversationRead remembers how far each person has read.
 */
export const CONVERSATION_KINDS = ["proposal", "contract", "dispute"] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export const ConversationKindField = z.enum(CONVERSATION_KINDS, "A conversation is a proposal's, a contract's or a dispute's.");
/** The id of a conversation's proposal, contract or dispute. */
export const ConversationId = z.uuid("That conversation does not exist.");

export const conversationKey = (kind: ConversationKind, id: string) => `${kind}:${id}`;

export const conversationNotFound = () => new DomainError("NOT_FOUND", "This conversation does not exist.");

export interface Person {
  id: string;
  name: string;
  role: "CLIENT" | "FREELANCER";
}

export interface ConversationAccess {
  kind: ConversationKind;
  id: string;
  key: string;
  client: Person;
  freelancer: Person;
  job: { id: string; title: string; status: string } | null;
  /** What it is about: the job's title, the contract's, or the disputed milestone or week. */
  subject: string;
  /** Why it takes no new messages (a removed job; a dispute no longer open), or null. */
  closed: string | null;
  /** For a dispute: its status, and the contract it is on. */
  dispute: { status: string; contractId: string } | null;
}

const person = (role: Person["role"], user: { id: string; name: string }): Person => ({ id: user.id, name: user.name, role });

/**
 * A conversation for one of its people: the parties of a proposal or contract, or the parties and
 * any admin for a dispute. Anyone else, and an id that does not exist, get NOT_FOUND.
 */
export async function conversationFor(db: Db, kind: ConversationKind, id: string, actor: Pick<Actor, "id" | "role">): Promise<ConversationAccess> {
  if (kind === "dispute") {
    const dispute = await db.dispute.findUnique({
      where: { id },
      select: {
        status: true,
        milestone: { select: { title: true } },
        hourlyWeek: { select: { weekStart: true } },
        contract: {
          select: {
            id: true,
            title: true,
            client: { select: { id: true, name: true } },
            freelancer: { select: { id: true, name: true } },
            job: { select: { id: true, title: true, status: true } },
          },
        },
      },
    });
    if (!dispute) throw conversationNotFound();
    const { contract } = dispute;
    if (actor.role !== "ADMIN" && actor.id !== contract.client.id && actor.id !== contract.freelancer.id) throw conversationNotFound();
    const target = dispute.milestone ? `"${dispute.milestone.title}"` : `the week of ${dispute.hourlyWeek!.weekStart.toISOString().slice(0, 10)}`;
    return {
      kind,
      id,
      key: conversationKey(kind, id),
      client: person("CLIENT", contract.client),
      freelancer: person("FREELANCER", contract.freelancer),
      job: contract.job,
      subject: `Dispute on ${target} (${contract.title})`,
      closed: dispute.status === "OPEN" ? null : "This dispute is closed: its statements stay here to read.",
      dispute: { status: dispute.status, contractId: contract.id },
    };
  }
  if (actor.role === "ADMIN") throw conversationNotFound();
  const thread = await threadFor(db, kind === "proposal" ? { proposalId: id } : { contractId: id }, actor.id);
  const [users, contract] = await Promise.all([
    db.user.findMany({ where: { id: { in: [thread.clientId, thread.freelancerId] } }, select: { id: true, name: true } }),
    kind === "contract" ? db.contract.findUnique({ where: { id }, select: { title: true } }) : null,
  ]);
  const named = (userId: string) => users.find((user) => user.id === userId)!;
  return {
    kind,
    id,
    key: conversationKey(kind, id),
    client: person("CLIENT", named(thread.clientId)),
    freelancer: person("FREELANCER", named(thread.freelancerId)),
    job: thread.job,
    subject: contract?.title ?? thread.job?.title ?? "Conversation",
    closed: threadClosedNotice(thread),
    dispute: null,
  };
}

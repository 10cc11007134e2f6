import type { Db } from "../client";
import { requireActor } from "../services/actor";

export interface FlaggedMessage {
  id: string;
  proposalId: string | null;
  contractId: string | null;
  sender: { id: string; name: string; email: string };
  recipient: { id: string; name: string; email: string };
  body: string;
  flags: string[];
  createdAt: Date;
  reviewedAt: Date | null;
}

/** The admins' queue of messages the scam shield flagged (economy.md §5), unreviewed ones unless asked. */
export async function listFlaggedMessages(db: Db, input: { actorId: string; includeReviewed?: boolean }): Promise<FlaggedMessage[]> {
  await requireActor(db, input, "ADMIN", "review flagged messages");
  const person = { select: { id: true, name: true, email: true } };
  return db.message.findMany({
    where: { flags: { isEmpty: false }, ...(input.includeReviewed ? {} : { reviewedAt: null }) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, proposalId: true, contractId: true, body: true, flags: true, createdAt: true, reviewedAt: true, sender: person, recipient: person },
  });
}

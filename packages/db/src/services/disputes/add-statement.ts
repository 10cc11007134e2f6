import { z } from "zod";
import type { PrismaClient } from "../../client";
import { idempotent, IdempotencyKey, jsonCodec, type IdempotentCall } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Links, Statement } from "../fields";
import { Id, parseCall } from "../input";
import { assertOpen, disputeNotFound } from "./access";

/** What a party (or the mediating admin) adds to a dispute; who acts and when come with the call. */
export const AddStatementInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  disputeId: Id("dispute"),
  text: Statement,
  links: Links,
});
export type AddStatementInput = z.input<typeof AddStatementInput>;

export interface AddedStatement {
  statementId: string;
  disputeId: string;
  createdAt: Date;
}

/** Both sides (and the mediator) add statements, with links, while a dispute is open (economy.md §6.1). */
export async function addStatement(prisma: PrismaClient, input: AddStatementInput & ActorCall): Promise<AddedStatement> {
  const data = parseCall(AddStatementInput, input);
  return runTransaction(prisma, async (tx) => {
    const actor = await requireActor(tx, data, ["CLIENT", "FREELANCER", "ADMIN"], "add statements to disputes", { active: true });
    const call: IdempotentCall = { operation: "dispute.addStatement", userId: data.actorId, key: data.idempotencyKey, request: { disputeId: data.disputeId, text: data.text, links: data.links } };
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        await tx.$queryRaw`SELECT id FROM "Dispute" WHERE id = ${data.disputeId}::uuid FOR UPDATE`;
        const dispute = await tx.dispute.findUnique({ where: { id: data.disputeId }, select: { id: true, status: true, contract: { select: { clientId: true, freelancerId: true } } } });
        if (!dispute || (actor.role !== "ADMIN" && dispute.contract.clientId !== data.actorId && dispute.contract.freelancerId !== data.actorId)) throw disputeNotFound();
        assertOpen(dispute);
        const statement = await tx.disputeStatement.create({
          data: { disputeId: dispute.id, authorId: data.actorId, text: data.text, links: data.links, createdAt: data.now },
          select: { id: true },
        });
        return { statementId: statement.id, disputeId: dispute.id, createdAt: data.now };
      },
      jsonCodec<AddedStatement>(),
    );
    return result;
  });
}

import { assertMilestoneAmount } from "@fairlance/rules";
import { z } from "zod";
import type { MilestoneStatus, PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { idempotent, IdempotencyKey, jsonCodec, type IdempotentCall } from "../../idempotency";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { assertParty, lockRow } from "./access";
import { MilestoneDraft } from "../fields";
import { assertOpenContract } from "./milestone-access";

/** What the person sends; who acts and when come with the call (ActorCall). */
export const AddMilestoneInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  contractId: Id("contract"),
  milestone: MilestoneDraft,
});
export type AddMilestoneInput = z.input<typeof AddMilestoneInput>;

export interface AddedMilestone {
  milestoneId: string;
  position: number;
  title: string;
  amountMinor: bigint;
  status: MilestoneStatus;
}

/** The client adds a milestone (at least the minimum, economy.md §3.1) to a fixed-price offer or active contract. */
export async function addMilestone(prisma: PrismaClient, input: AddMilestoneInput & ActorCall): Promise<AddedMilestone> {
  const data = parseCall(AddMilestoneInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "CLIENT", "add milestones", { active: true });
    const call: IdempotentCall = { operation: "milestone.add", userId: data.actorId, key: data.idempotencyKey, request: { contractId: data.contractId, milestone: data.milestone } };
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        await lockRow(tx, "Contract", data.contractId);
        const contract = await tx.contract.findUnique({ where: { id: data.contractId }, select: { clientId: true, freelancerId: true, status: true, type: true, offerExpiresAt: true } });
        assertParty(contract, data.actorId, "client");
        if (contract.type !== "FIXED") throw new DomainError("INVALID_REQUEST", "Hourly contracts have no milestones.");
        assertOpenContract(contract, data.now);
        const { settings } = await loadSettings(tx, data.now);
        assertMilestoneAmount(data.milestone.amountMinor, settings);
        const last = await tx.milestone.aggregate({ where: { contractId: data.contractId }, _max: { position: true } });
        const created = await tx.milestone.create({
          data: { contractId: data.contractId, position: (last._max.position ?? 0) + 1, ...data.milestone },
          select: { id: true, position: true, title: true, amountMinor: true, status: true },
        });
        return { milestoneId: created.id, position: created.position, title: created.title, amountMinor: created.amountMinor, status: created.status };
      },
      jsonCodec<AddedMilestone>(),
    );
    return result;
  });
}

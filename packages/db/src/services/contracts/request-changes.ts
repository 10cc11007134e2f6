import { TEXT_RULES, assertChangeRequestAllowed } from "@fairlance/rules";
import { z } from "zod";
import { loadSettings } from "../../settings/load-settings";
import type { MilestoneStatus, PrismaClient } from "../../client";
import { idempotent, IdempotencyKey, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { Id, parseCall } from "../input";
import { notify } from "../../notifications";
import { LINKS, nameOf } from "../../notifications/event-helpers";
import { nextMilestoneStatus } from "./access";
import { lockMilestoneFor } from "./milestone-access";

/** What the person sends; who acts and when come with the call (ActorCall). */
export const RequestChangesInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  milestoneId: Id("milestone"),
  message: Text(TEXT_RULES.changeRequest),
});
export type RequestChangesInput = z.input<typeof RequestChangesInput>;

export interface ChangesRequested {
  milestoneId: string;
  status: MilestoneStatus;
  changesRequested: number;
}

/**
 * The client sends submitted work back (economy.md §3.3): the review window stops until the next
 * submission. At most `maxChangeRequests` times per milestone; then only approval or a dispute remain.
 */
export async function requestChanges(prisma: PrismaClient, input: RequestChangesInput & ActorCall): Promise<ChangesRequested> {
  const data = parseCall(RequestChangesInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "CLIENT", "request changes");
    const { result } = await idempotent(
      tx,
      { operation: "milestone.requestChanges", userId: data.actorId, key: data.idempotencyKey, request: { milestoneId: data.milestoneId, message: data.message } },
      async () => {
        const { milestone, contract } = await lockMilestoneFor(tx, data.milestoneId, data.actorId, "client");
        const status = nextMilestoneStatus(milestone.status, "request_changes");
        const { settings } = await loadSettings(tx, data.now);
        assertChangeRequestAllowed(milestone.changesRequested, settings.maxChangeRequests);
        const updated = await tx.milestone.update({
          where: { id: milestone.id },
          data: { status, reviewDeadline: null, changesRequested: { increment: 1 } },
          select: { changesRequested: true },
        });
        // Each request is its own event: keyed by its number on the milestone.
        await notify(tx, {
          userId: contract.freelancerId,
          kind: "changes_requested",
          eventKey: `changes_requested:${milestone.id}:${updated.changesRequested}`,
          data: { jobTitle: contract.title, milestoneTitle: milestone.title, clientName: await nameOf(tx, contract.clientId) },
          link: LINKS.contract(contract.id),
          now: data.now,
        });
        return { milestoneId: milestone.id, status, changesRequested: updated.changesRequested };
      },
      jsonCodec<ChangesRequested>(),
    );
    return result;
  });
}

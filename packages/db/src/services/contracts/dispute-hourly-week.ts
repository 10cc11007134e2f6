import { TEXT_RULES, assertDisputeWindowOpen } from "@fairlance/rules";
import { z } from "zod";
import type { HourlyWeekStatus, PrismaClient } from "../../client";
import { idempotent, IdempotencyKey, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { Id, parseCall } from "../input";
import { openDisputeOn } from "../disputes/open-dispute";
import { assertParty } from "./access";
import { lockWeek } from "./hourly-escrow";

/** What the person sends; who acts and when come with the call (ActorCall). */
export const DisputeHourlyWeekInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  weekId: Id("week"),
  reason: Text(TEXT_RULES.weekDisputeReason),
});
export type DisputeHourlyWeekInput = z.input<typeof DisputeHourlyWeekInput>;

export interface DisputedWeek {
  weekId: string;
  status: HourlyWeekStatus;
  disputedAt: Date;
  disputeId: string;
}

/**
 * The client disputes an invoiced week until the end of Friday UTC (economy.md §3.4, §6.1): its
 * money stays in escrow until an admin decides or the parties settle. The reason is the client's
 * first statement; both sides add more on the dispute's page.
 */
export async function disputeHourlyWeek(prisma: PrismaClient, input: DisputeHourlyWeekInput & ActorCall): Promise<DisputedWeek> {
  const data = parseCall(DisputeHourlyWeekInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "CLIENT", "dispute invoiced hours");
    const { result } = await idempotent(
      tx,
      { operation: "hourly.dispute", userId: data.actorId, key: data.idempotencyKey, request: { weekId: data.weekId, reason: data.reason } },
      async () => {
        const week = await lockWeek(tx, data.weekId);
        const contract = week ? await tx.contract.findUnique({ where: { id: week.contractId }, select: { clientId: true, freelancerId: true } }) : null;
        assertParty(contract, data.actorId, "client", "week");
        assertDisputeWindowOpen(week!.weekStart, data.now);
        const opened = await openDisputeOn(tx, {
          target: { kind: "week", week: week! },
          contract: { id: week!.contractId, ...contract },
          actorId: data.actorId,
          reason: data.reason.slice(0, 200),
          statement: data.reason,
          links: [],
          now: data.now,
        });
        return { weekId: data.weekId, status: "DISPUTED" as const, disputedAt: data.now, disputeId: opened.disputeId };
      },
      jsonCodec<DisputedWeek>(),
    );
    return result;
  });
}

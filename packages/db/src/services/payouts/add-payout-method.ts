import { TEXT_RULES, payoutMethodUsableAt } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { getGateway } from "../../gateway/sandbox";
import type { PaymentGateway } from "../../gateway/gateway";
import { idempotent, IdempotencyKey, jsonCodec, type IdempotentCall } from "../../idempotency";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { parseCall } from "../input";

/** What the freelancer types; who acts and when come with the call (ActorCall). */
export const AddPayoutMethodInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  kind: z.enum(["ACH", "LOCAL_BANK", "PAYPAL", "INSTANT", "WIRE"], "Choose a type of payout method."),
  /** Account number, IBAN or PayPal email, as the provider needs it. */
  account: Text(TEXT_RULES.payoutAccount),
  label: Text(TEXT_RULES.payoutLabel),
});
export type AddPayoutMethodInput = z.input<typeof AddPayoutMethodInput>;

export interface AddedPayoutMethod {
  id: string;
  kind: string;
  label: string;
  usableFrom: Date;
}

/**
 * A new payout method; usable only after the waiting days (economy.md §1), which the result states.
 * Idempotent like adding a card: a replay of the same request returns the same method and adds nothing.
 */
export async function addPayoutMethod(
  prisma: PrismaClient,
  input: AddPayoutMethodInput & ActorCall,
  deps: { gateway?: PaymentGateway } = {},
): Promise<AddedPayoutMethod> {
  const data = parseCall(AddPayoutMethodInput, input);
  await requireActor(prisma, data, "FREELANCER", "add payout methods", { active: true });
  const registered = await (deps.gateway ?? getGateway()).registerPayoutDestination({ kind: data.kind, account: data.account });
  if (!registered.ok) throw new DomainError("INVALID_REQUEST", registered.reason);

  return runTransaction(prisma, async (tx) => {
    const call: IdempotentCall = { operation: "payout.addMethod", userId: data.actorId, key: data.idempotencyKey, request: { kind: data.kind, account: data.account, label: data.label } };
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        const { settings } = await loadSettings(tx, data.now);
        return tx.payoutMethod.create({
          data: {
            userId: data.actorId,
            kind: data.kind,
            label: `${data.label} (…${data.account.slice(-4)})`,
            gatewayRef: registered.ref,
            usableFrom: payoutMethodUsableAt(data.now, settings),
            createdAt: data.now,
          },
          select: { id: true, kind: true, label: true, usableFrom: true },
        });
      },
      jsonCodec<AddedPayoutMethod>(),
    );
    return result;
  });
}

import { payoutMethodUsableAt } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { getGateway } from "../../gateway/sandbox";
import type { PaymentGateway } from "../../gateway/gateway";
import { loadSettings } from "../../settings/load-settings";
import { requireFreelancer } from "./freelancer";

export const AddPayoutMethodInput = z.object({
  kind: z.enum(["ACH", "LOCAL_BANK", "PAYPAL", "INSTANT", "WIRE"]),
  /** Account number, IBAN or PayPal email, as the provider needs it. */
  account: z.string().trim().min(4, "Enter the full account.").max(64, "That account is too long."),
  label: z.string().trim().min(1, "Give the method a name you will recognise.").max(60),
});

export interface AddedPayoutMethod {
  id: string;
  kind: string;
  label: string;
  usableFrom: Date;
}

/** A new payout method; usable only after the waiting days (RULES 1), which the result states. */
export async function addPayoutMethod(
  prisma: PrismaClient,
  input: z.input<typeof AddPayoutMethodInput> & { actorId: string; now: Date },
  deps: { gateway?: PaymentGateway } = {},
): Promise<AddedPayoutMethod> {
  const data = AddPayoutMethodInput.parse(input);
  await requireFreelancer(prisma, input.actorId);
  const registered = await (deps.gateway ?? getGateway()).registerPayoutDestination({ kind: data.kind, account: data.account });
  if (!registered.ok) throw new DomainError("INVALID_REQUEST", registered.reason);
  const { settings } = await loadSettings(prisma, input.now);
  const method = await prisma.payoutMethod.create({
    data: {
      userId: input.actorId,
      kind: data.kind,
      label: `${data.label} (…${data.account.slice(-4)})`,
      gatewayRef: registered.ref,
      usableFrom: payoutMethodUsableAt(input.now, settings),
      createdAt: input.now,
    },
    select: { id: true, kind: true, label: true, usableFrom: true },
  });
  return method;
}

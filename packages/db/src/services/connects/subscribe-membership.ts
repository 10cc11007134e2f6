import { lotExpiresAt, membershipCycleAt, membershipPaymentEntries, prorateMembership } from "@fairlance/rules";
import { z } from "zod";
import type { Db, PrismaClient } from "../../client";
import { issueLot, lockConnects } from "../../connects/connect-ledger";
import { DomainError } from "../../errors";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { IdempotencyKey, idempotent, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { postTransfers } from "../../ledger/post-transfers";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { ChosenCard } from "../fields";
import { parseCall } from "../input";
import { chargeCard, gatewayKey, recordCharge, storedResult, usableCard } from "./payment";
import { notify } from "../../notifications";
import { LINKS } from "../../notifications/event-helpers";

/** What the freelancer picks; who acts and when come with the call (ActorCall). */
export const SubscribeMembershipInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  paymentMethodId: ChosenCard,
});
export type SubscribeMembershipInput = z.input<typeof SubscribeMembershipInput>;

export interface MembershipSubscription {
  membershipId: string;
  /** "started": charged for (the rest of) a cycle; "resumed": a cancelled, still paid cycle renews again. */
  outcome: "started" | "resumed";
  anchorAt: Date;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  chargedMinor: bigint;
  connectsGranted: number;
  remainingDays: number;
  cycleDays: number;
  settingsVersion: number;
  chargeRef: string | null;
}

type Input = z.output<typeof SubscribeMembershipInput> & ActorCall;

/**
 * What joining costs now. A first upgrade anchors the cycle at `now` (a full cycle). A lapsed or
 * ended membership keeps its anchor and joins the running cycle part-way, prorated by the rules.
 * A cancelled membership still inside its paid cycle is resumed without a charge.
 */
async function planSubscription(db: Db, input: Input) {
  await requireActor(db, input, "FREELANCER", "join Freelancer Plus", { active: true });
  const card = await usableCard(db, input.actorId, input.paymentMethodId);
  const existing = await db.membership.findUnique({ where: { userId: input.actorId }, select: { id: true, status: true, anchorAt: true, currentPeriodEnd: true } });
  if (existing?.status === "ACTIVE") {
    throw new DomainError("CONFLICT", `You are already a Freelancer Plus member; it renews on ${existing.currentPeriodEnd.toISOString().slice(0, 10)}.`);
  }
  const { settings, version } = await loadSettings(db, input.now);
  const resume = existing?.status === "CANCELLED" && existing.currentPeriodEnd.getTime() > input.now.getTime();
  const anchor = existing?.anchorAt ?? input.now;
  const cycle = membershipCycleAt(anchor, input.now);
  const proration = prorateMembership({ cycle, at: input.now, settings });
  return { card, existing, settings, version, resume, anchor, cycle, proration };
}

/** A freelancer upgrades to Freelancer Plus (economy.md §2.1): charged by card, monthly connects granted; idempotent. */
export async function subscribeMembership(
  prisma: PrismaClient,
  rawInput: SubscribeMembershipInput & ActorCall,
  deps: { gateway?: PaymentGateway } = {},
): Promise<MembershipSubscription> {
  const input = parseCall(SubscribeMembershipInput, rawInput);
  const { actorId, now } = input;
  const gateway = deps.gateway ?? getGateway();
  const codec = jsonCodec<MembershipSubscription>();
  const call: IdempotentCall = { operation: "membership.subscribe", userId: actorId, key: input.idempotencyKey, request: { paymentMethodId: input.paymentMethodId } };
  const finished = () => storedResult(prisma, call, codec);
  const stored = await finished();
  if (stored) return stored.result;

  const quote = await planSubscription(prisma, input);
  const charge =
    quote.resume || quote.proration.priceMinor === 0n
      ? null
      : await chargeCard(gateway, {
          cardRef: quote.card.gatewayRef,
          paymentMethodId: quote.card.id,
          amountMinor: quote.proration.priceMinor,
          key: gatewayKey(call),
          description: "Freelancer Plus",
        });

  return recordCharge(prisma, gateway, charge, () =>
    runTransaction(prisma, (tx) =>
      idempotent(
        tx,
        call,
        async () => {
          await lockConnects(tx, actorId);
          const plan = await planSubscription(tx, input);
          const chargedMinor = plan.resume ? 0n : plan.proration.priceMinor;
          if (plan.resume !== quote.resume || chargedMinor !== (charge?.amountMinor ?? 0n)) {
            throw new DomainError("CONFLICT", "Your membership or its price changed a moment ago: review it and try again.");
          }
          const key = scopedKey(call);
          const period = plan.resume ? null : { currentPeriodStart: plan.cycle.startsAt, currentPeriodEnd: plan.cycle.endsAt };
          const fields = {
            status: "ACTIVE" as const,
            paymentMethodId: plan.card.id,
            lapsedAt: null,
            lapseReason: null,
            ...(period && { ...period, priceMinor: plan.settings.membershipPriceMinor, monthlyConnects: plan.settings.membershipMonthlyConnects }),
          };
          const membership = plan.existing
            ? await tx.membership.update({ where: { id: plan.existing.id }, data: { ...fields, ...(period && { cyclesBilled: { increment: 1 } }) } })
            : await tx.membership.create({
                data: {
                  ...fields,
                  userId: actorId,
                  anchorAt: plan.anchor,
                  currentPeriodStart: plan.cycle.startsAt,
                  currentPeriodEnd: plan.cycle.endsAt,
                  priceMinor: plan.settings.membershipPriceMinor,
                  monthlyConnects: plan.settings.membershipMonthlyConnects,
                  cyclesBilled: 1,
                },
              });
          if (charge) {
            await tx.charge.create({
              data: { userId: actorId, paymentMethodId: charge.paymentMethodId, amountMinor: chargedMinor, purpose: "membership", gatewayRef: charge.ref, createdAt: now },
            });
            await postTransfers(tx, membershipPaymentEntries({ freelancerId: actorId, priceMinor: chargedMinor, cycleStartsAt: plan.cycle.startsAt }), {
              key,
              operation: call.operation,
              now,
              userId: actorId,
            });
          }
          const connectsGranted = plan.resume ? 0 : plan.proration.connects;
          if (connectsGranted > 0) {
            const expiresAt = lotExpiresAt(now, plan.settings);
            const lotId = await issueLot(tx, { userId: actorId, key, now, reason: "membership_grant", source: "MEMBERSHIP", connects: connectsGranted, expiresAt });
            await notify(tx, {
              userId: actorId,
              kind: "connects_granted",
              eventKey: `connects_granted:${lotId}`,
              data: { connects: connectsGranted, reason: "with your Freelancer Plus membership", expiresAt },
              link: LINKS.connects(),
              now,
            });
          }
          return {
            membershipId: membership.id,
            outcome: plan.resume ? "resumed" : "started",
            anchorAt: membership.anchorAt,
            currentPeriodStart: membership.currentPeriodStart,
            currentPeriodEnd: membership.currentPeriodEnd,
            chargedMinor,
            connectsGranted,
            remainingDays: plan.resume ? 0 : plan.proration.remainingDays,
            cycleDays: plan.proration.cycleDays,
            settingsVersion: plan.version,
            chargeRef: charge?.ref ?? null,
          };
        },
        codec,
      ),
    ),
    finished,
  );
}

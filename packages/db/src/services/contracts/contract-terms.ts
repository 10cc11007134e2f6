import { assertMilestoneAmount, offerExpiresAt, settingValueToJson, WHOLE_RULES } from "@fairlance/rules";
import { z } from "zod";
import type { ContractStatus, JobType, Prisma, Tx } from "../../client";
import { loadSettings } from "../../settings/load-settings";
import { Amount, MilestoneDraft, WholeNumber } from "../fields";
import { notify } from "../../notifications";
import { LINKS, nameOf } from "../../notifications/event-helpers";

export const FixedTerms = z.strictObject({
  type: z.literal("FIXED"),
  milestones: z.array(MilestoneDraft).min(1, "A fixed-price contract starts with at least one milestone.").max(20, "A contract starts with at most 20 milestones."),
});

export const WeeklyLimitHours = WholeNumber(WHOLE_RULES.weeklyLimitHours);

/** Hiring from a proposal: an hourly contract's rate is the freelancer's bid. */
export const HireTerms = z.discriminatedUnion("type", [FixedTerms, z.strictObject({ type: z.literal("HOURLY"), weeklyLimitHours: WeeklyLimitHours })]);

/** A direct offer names its own hourly rate. */
export const OfferTerms = z.discriminatedUnion("type", [
  FixedTerms,
  z.strictObject({ type: z.literal("HOURLY"), weeklyLimitHours: WeeklyLimitHours, hourlyRateMinor: Amount("hourly rate") }),
]);

export interface ContractOffer {
  contractId: string;
  status: ContractStatus;
  type: JobType;
  settingsVersion: number;
  milestoneIds: string[];
  /** Not accepted by then, the offer expires (economy.md §3.7). */
  offerExpiresAt: Date;
}

/**
 * Writes an offered contract with the fee schedule, client fee and settings version in force
 * now (economy.md §0.5, §3.5): later setting changes never re-price it. It expires
 * `offerExpiryDays` after now unless accepted (economy.md §3.7).
 */
export async function createOfferedContract(
  tx: Tx,
  input: {
    clientId: string;
    freelancerId: string;
    title: string;
    jobId?: string | null;
    proposalId?: string | null;
    terms: z.output<typeof FixedTerms> | { type: "HOURLY"; weeklyLimitHours: number; hourlyRateMinor: bigint };
    now: Date;
  },
): Promise<ContractOffer> {
  const { settings, version } = await loadSettings(tx, input.now);
  const { terms } = input;
  if (terms.type === "FIXED") for (const milestone of terms.milestones) assertMilestoneAmount(milestone.amountMinor, settings);
  const contract = await tx.contract.create({
    data: {
      jobId: input.jobId ?? null,
      proposalId: input.proposalId ?? null,
      clientId: input.clientId,
      freelancerId: input.freelancerId,
      type: terms.type,
      title: input.title,
      status: "OFFERED",
      hourlyRateMinor: terms.type === "HOURLY" ? terms.hourlyRateMinor : null,
      weeklyLimitHours: terms.type === "HOURLY" ? terms.weeklyLimitHours : null,
      feeSchedule: settingValueToJson(settings.feeSchedule) as Prisma.InputJsonValue,
      clientFeeBps: settings.clientFeeBps,
      settingsVersion: version,
      offeredAt: input.now,
      offerExpiresAt: offerExpiresAt(input.now, settings),
      milestones:
        terms.type === "FIXED"
          ? { create: terms.milestones.map((milestone, index) => ({ position: index + 1, title: milestone.title, amountMinor: milestone.amountMinor })) }
          : undefined,
    },
    select: { id: true, status: true, type: true, settingsVersion: true, offerExpiresAt: true, milestones: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  // The freelancer is told with the offer's figures: the milestones' total, or the hourly rate.
  await notify(tx, {
    userId: input.freelancerId,
    kind: "offer_received",
    eventKey: `offer_received:${contract.id}`,
    data: {
      jobTitle: input.title,
      clientName: await nameOf(tx, input.clientId),
      amountMinor: terms.type === "FIXED" ? terms.milestones.reduce((sum, milestone) => sum + milestone.amountMinor, 0n) : terms.hourlyRateMinor,
      hourly: terms.type === "HOURLY",
      expiresAt: contract.offerExpiresAt,
    },
    link: LINKS.contract(contract.id),
    now: input.now,
  });
  return {
    contractId: contract.id,
    status: contract.status,
    type: contract.type,
    settingsVersion: contract.settingsVersion,
    offerExpiresAt: contract.offerExpiresAt,
    milestoneIds: contract.milestones.map((milestone) => milestone.id),
  };
}

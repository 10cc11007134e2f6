import { z } from "zod";
import { ChosenPerson } from "@fairlance/db/services";

const ZRole = z.enum(["CLIENT", "FREELANCER", "ADMIN"]);

const ZUserRow = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: ZRole,
  createdAt: z.date(),
  suspendedAt: z.date().nullable(),
  suspendedReason: z.string().nullable(),
  risingTalentAt: z.date().nullable(),
});

export const ZListUsersInput = z.strictObject({
  query: z.string().max(200).optional(),
  role: ZRole.nullable().optional(),
  suspendedOnly: z.boolean().optional(),
  page: z.int().min(1).default(1),
});
export const ZUserList = z.object({
  users: z.array(ZUserRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  countsByRole: z.array(z.object({ role: ZRole, count: z.number().int() })),
  suspended: z.number().int(),
});

export const ZUserInput = z.strictObject({ userId: ChosenPerson });
export const ZUserDetail = ZUserRow.extend({
  connectsBalance: z.number().int().nullable(),
  jobsPosted: z.number().int(),
  proposals: z.number().int(),
  contracts: z.number().int(),
  warnings: z.number().int(),
  payoutsHeldAt: z.date().nullable(),
  payoutsHeldReason: z.string().nullable(),
  suspensionPreview: z.object({ jobsPaused: z.number().int(), proposalsPaused: z.number().int(), offersWithdrawn: z.number().int(), contractsNotified: z.number().int() }).nullable(),
  liftPreview: z.object({ jobsRestored: z.number().int(), jobsNotRestored: z.number().int(), proposalsRestored: z.number().int(), proposalsNotRestored: z.number().int() }).nullable(),
  recentAudit: z.array(z.object({ id: z.bigint(), action: z.string(), what: z.string(), reason: z.string(), createdAt: z.date(), actorName: z.string().nullable() })),
});

export const ZConnectsChange = z.object({
  freelancerId: z.string(),
  connects: z.number().int(),
  balanceBefore: z.number().int(),
  balanceAfter: z.number().int(),
  lotIds: z.array(z.string()),
});

export const ZRisingTalentAward = z.object({
  freelancerId: z.string(),
  risingTalentAt: z.date(),
  connects: z.number().int(),
  lotId: z.string().nullable(),
  expiresAt: z.date().nullable(),
  balance: z.number().int(),
});

/** What a suspension did, or what lifting it gave back (economy.md §5.3). */
const ZSuspensionEffects = z.union([
  z.object({
    jobsPaused: z.number().int(),
    proposalsPaused: z.number().int(),
    offersWithdrawn: z.number().int(),
    escrowRefundedMinor: z.bigint(),
    contractsNotified: z.number().int(),
    payoutsHeld: z.boolean(),
  }),
  z.object({
    jobsRestored: z.number().int(),
    jobsNotRestored: z.number().int(),
    proposalsRestored: z.number().int(),
    proposalsNotRestored: z.number().int(),
    offersWithdrawn: z.number().int(),
    notRestored: z.string().nullable(),
  }),
]);
export const ZSuspensionChange = z.object({ userId: z.string(), suspendedAt: z.date().nullable(), suspendedReason: z.string().nullable(), effects: ZSuspensionEffects.optional() });
export const ZPayoutHold = z.object({ userId: z.string(), payoutsHeldAt: z.date().nullable(), payoutsHeldReason: z.string().nullable() });

export const ZEndedSessions = z.object({ userId: z.string(), sessionVersion: z.number().int() });

export const ZCreatedAdmin = z.object({ userId: z.string(), email: z.string(), name: z.string(), role: z.literal("ADMIN"), createdAt: z.date() });

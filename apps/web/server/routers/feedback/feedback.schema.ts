import { Id } from "@fairlance/db/services";
import { z } from "zod";

/** Inputs of the feedback reads (they have no service) and the outputs of every feedback procedure. */
export const ZFeedbackContractId = z.strictObject({ contractId: Id("contract") });
export const ZReputationInput = z.strictObject({ userId: Id("person") });

const ZSide = z.enum(["CLIENT", "FREELANCER"]);
const ZPermission = z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), reason: z.string() })]);
const ZPersonName = z.object({ id: z.string(), name: z.string() });
export const ZStarAverage = z.object({ count: z.number().int(), total: z.number().int(), tenths: z.number().int().nullable(), display: z.string().nullable(), fromText: z.string() });

/** A freelancer where a client decides (applicants, hire, direct offer): photo, title, location, score, stars, earnings. */
export const ZFreelancerSummary = z.object({
  avatarUrl: z.string().nullable(),
  title: z.string(),
  location: z.string(),
  jobSuccessScore: z.number().int().nullable(),
  rating: ZStarAverage,
  totalEarnedMinor: z.bigint(),
});

export const ZFeedbackEntry = z.object({
  id: z.string(),
  contractId: z.string(),
  contractTitle: z.string(),
  contractEndedAt: z.date().nullable(),
  side: ZSide,
  author: ZPersonName,
  subject: ZPersonName,
  overall: z.number().int(),
  facets: z.array(z.object({ facet: z.string(), label: z.string(), stars: z.number().int() })),
  comment: z.string(),
  privateNote: z.string().nullable(),
  submittedAt: z.date(),
  updatedAt: z.date(),
  revealedAt: z.date().nullable(),
  hidden: z.object({ at: z.date(), reason: z.string(), notice: z.string() }).nullable(),
  reply: z.object({ text: z.string(), at: z.date() }).nullable(),
});

export const ZLeftFeedback = z.object({ feedbackId: z.string(), contractId: z.string(), side: ZSide, submittedAt: z.date(), closesAt: z.date(), revealedAt: z.date().nullable() });
export const ZEditedFeedback = z.object({ feedbackId: z.string(), side: ZSide, updatedAt: z.date() });
export const ZFeedbackReply = z.object({ feedbackId: z.string(), repliedAt: z.date() });
export const ZFeedbackModeration = z.object({ feedbackId: z.string(), hiddenAt: z.date().nullable(), hiddenReason: z.string().nullable() });

export const ZContractFeedback = z.object({
  contractId: z.string(),
  title: z.string(),
  closesAt: z.date().nullable(),
  revealed: z.boolean(),
  revealedAt: z.date().nullable(),
  status: z.string(),
  mine: ZFeedbackEntry.nullable(),
  theirs: ZFeedbackEntry.nullable(),
  can: z.object({ leave: ZPermission, edit: ZPermission, reply: ZPermission }),
});

export const ZFeedbackToLeave = z.array(
  z.object({ contractId: z.string(), title: z.string(), about: ZPersonName, endedAt: z.date(), closesAt: z.date(), sentence: z.string() }),
);

export const ZReputation = z.object({
  person: z.object({ id: z.string(), name: z.string(), role: z.enum(["CLIENT", "FREELANCER", "ADMIN"]), memberSince: z.date() }),
  rating: ZStarAverage,
  jobSuccess: z
    .object({
      score: z.number().int().nullable(),
      explanation: z.array(z.string()),
      missingForScore: z.number().int(),
      history: z.array(z.object({ score: z.number().int().nullable(), computedAt: z.date() })),
    })
    .nullable(),
  feedback: z.array(ZFeedbackEntry),
});

export const ZModerationFeedbackInput = z.strictObject({ page: z.int().min(1).default(1), hiddenOnly: z.boolean().default(false) });
export const ZModerationFeedback = z.object({ rows: z.array(ZFeedbackEntry), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

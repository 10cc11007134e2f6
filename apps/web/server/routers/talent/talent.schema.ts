import { AVAILABILITY } from "@fairlance/rules";
import { z } from "zod";
import { SearchFreelancersInput } from "@fairlance/db/read";

export const ZSearchFreelancersInput = SearchFreelancersInput;

export const ZAvailability = z.enum(AVAILABILITY);

/** The average of a person's revealed, not hidden stars (economy.md §10.5): "4.7", "from 12 reviews". */
export const ZStarAverage = z.object({ count: z.number().int(), total: z.number().int(), tenths: z.number().int().nullable(), display: z.string().nullable(), fromText: z.string() });

/** A freelancer's card in talent search, the invite panel and the saved list. */
export const ZTalentCard = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  hourlyRateMinor: z.bigint().nullable(),
  availability: ZAvailability,
  jobSuccessScore: z.number().int().nullable(),
  location: z.string(),
  skills: z.array(z.string()),
  avatarUrl: z.string().nullable(),
  totalEarnedMinor: z.bigint(),
  rating: ZStarAverage,
  memberSince: z.date(),
  display: z.object({ rate: z.string().nullable(), jobSuccess: z.string(), earned: z.string(), availability: z.string() }),
});

const ZPageFields = {
  total: z.number().int(),
  totalIsExact: z.boolean(),
  summary: z.string(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  maxPage: z.number().int(),
};

export const ZSearchFreelancersOutput = z.object({ freelancers: z.array(ZTalentCard), ...ZPageFields });

export const ZInvitationStatus = z.enum(["PENDING", "ACCEPTED", "DECLINED"]);

/** An invitation as its client sees it: the freelancer's answer. */
export const ZInvitationAnswer = z.object({
  status: ZInvitationStatus,
  createdAt: z.date(),
  respondedAt: z.date().nullable(),
  declineReason: z.string().nullable(),
});

export const ZInviteCandidatesOutput = z.object({
  freelancers: z.array(ZTalentCard.extend({ invitation: ZInvitationAnswer.nullable(), proposed: z.boolean(), canInvite: z.boolean(), note: z.string().nullable() })),
  jobOpen: z.boolean(),
  closedNote: z.string().nullable(),
  ...ZPageFields,
});

import { z } from "zod";
import { Id } from "@fairlance/db/services";
import { ZClientTrustPanel } from "../job/get-job.schema";

// Inputs of the reads (the changes reuse their services' input schemas).
export const ZFreelancerRef = z.strictObject({ freelancerId: Id("freelancer") });
export const ZClientRef = z.strictObject({ clientId: Id("client") });

const ZAvailability = z.enum(["FULL_TIME", "PART_TIME", "NOT_AVAILABLE"]);
const ZLanguageLevel = z.enum(["BASIC", "CONVERSATIONAL", "FLUENT", "NATIVE"]);

export const ZPortfolioItem = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  link: z.string().nullable(),
  imageUrl: z.string().nullable(),
  position: z.number().int(),
});

export const ZCompleteness = z.object({
  percent: z.number().int(),
  missing: z.array(z.object({ item: z.string(), sentence: z.string(), points: z.number().int() })),
});

export const ZFreelancerProfilePage = z.object({
  userId: z.string(),
  name: z.string(),
  title: z.string(),
  overview: z.string(),
  skills: z.array(z.string()),
  hourlyRateMinor: z.bigint().nullable(),
  availability: ZAvailability,
  availabilityLabel: z.string(),
  location: z.string(),
  timeZone: z.object({ name: z.string(), offset: z.string(), localTime: z.string() }).nullable(),
  languages: z.array(z.object({ language: z.string(), level: z.string() })),
  avatarUrl: z.string().nullable(),
  portfolio: z.array(ZPortfolioItem),
  employment: z.array(
    z.object({ id: z.string(), company: z.string(), role: z.string(), fromMonth: z.string(), toMonth: z.string().nullable(), description: z.string(), period: z.string() }),
  ),
  education: z.array(z.object({ id: z.string(), school: z.string(), degree: z.string(), fromYear: z.number().int(), toYear: z.number().int().nullable(), period: z.string() })),
  memberSince: z.date(),
  totalEarnedMinor: z.bigint(),
  contractsCompleted: z.number().int(),
  isOwner: z.boolean(),
  completeness: ZCompleteness.nullable(),
});

export const ZClientProfilePage = z.object({
  userId: z.string(),
  name: z.string(),
  companyName: z.string(),
  displayName: z.string(),
  kindLabel: z.string(),
  description: z.string(),
  location: z.string(),
  avatarUrl: z.string().nullable(),
  memberSince: z.date(),
  trust: ZClientTrustPanel,
  isOwner: z.boolean(),
});

export const ZMyProfile = z.discriminatedUnion("role", [
  z.object({ role: z.literal("FREELANCER"), freelancer: ZFreelancerProfilePage.extend({ completeness: ZCompleteness, timeZoneName: z.string() }) }),
  z.object({ role: z.literal("CLIENT"), client: ZClientProfilePage }),
]);

export const ZUpdatedFreelancerProfile = z.object({
  userId: z.string(),
  title: z.string(),
  overview: z.string(),
  skills: z.array(z.string()),
  hourlyRateMinor: z.bigint().nullable(),
  availability: ZAvailability,
  location: z.string(),
  timeZone: z.string(),
  languages: z.array(z.object({ language: z.string(), level: ZLanguageLevel })),
  updatedAt: z.date(),
});

export const ZUpdatedClientProfile = z.object({ userId: z.string(), companyName: z.string(), description: z.string(), location: z.string(), updatedAt: z.date() });

export const ZSavedPortfolioItem = z.object({
  portfolioItemId: z.string(),
  title: z.string(),
  description: z.string(),
  link: z.string().nullable(),
  imageUrl: z.string().nullable(),
  position: z.number().int(),
});

export const ZSavedEmployment = z.object({
  employmentId: z.string(),
  company: z.string(),
  role: z.string(),
  fromMonth: z.string(),
  toMonth: z.string().nullable(),
  description: z.string(),
});

export const ZSavedEducation = z.object({ educationId: z.string(), school: z.string(), degree: z.string(), fromYear: z.number().int(), toYear: z.number().int().nullable() });

export const ZProfileAvatar = z.object({ avatarUrl: z.string().nullable() });

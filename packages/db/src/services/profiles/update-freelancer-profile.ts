import { AVAILABILITY, LANGUAGE_LEVELS, PROFILE_LIMITS, SKILLS_RULE, TEXT_RULES, hourlyRateProblem, languagesProblem, timeZoneProblem } from "@fairlance/rules";
import { z } from "zod";
import type { Availability, PrismaClient } from "../../client";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { parseCall } from "../input";
import { lockFreelancerProfile } from "./shared";

/** A problem the rules name (a sentence) or none, as a zod refinement. */
const byRule =
  <T>(problem: (value: T) => string | undefined) =>
  (value: T, context: z.RefinementCtx) => {
    const message = problem(value);
    if (message) context.addIssue({ code: "custom", message });
  };

/** A profile's skills: like a job's (SKILLS_RULE), except that none at all is allowed (economy.md §10.1). */
const ProfileSkills = z
  .array(z.string().trim().min(1, SKILLS_RULE.empty).max(SKILLS_RULE.eachMax, SKILLS_RULE.tooLong), "Send the skills as a list.")
  .max(PROFILE_LIMITS.maxSkills, SKILLS_RULE.tooMany);

/** One language and how well the freelancer speaks it. */
const Language = z.strictObject({
  language: z.string("Name the language.").trim(),
  level: z.enum(LANGUAGE_LEVELS, "Choose how well you speak it."),
});

/** What the freelancer's profile form sends, every field each time (the photo is uploaded on its own). */
export const UpdateFreelancerProfileInput = z.strictObject({
  title: Text(TEXT_RULES.profileTitle),
  overview: Text(TEXT_RULES.profileOverview),
  skills: ProfileSkills,
  /** In cents per hour; null when the freelancer would rather not show one. */
  hourlyRateMinor: z.bigint("Enter your hourly rate in cents.").superRefine(byRule(hourlyRateProblem)).nullable(),
  availability: z.enum(AVAILABILITY, "Choose your availability."),
  location: Text(TEXT_RULES.location),
  /** An IANA name ("Europe/Lisbon"), or "" for none. */
  timeZone: z.string("Choose your time zone.").trim().superRefine(byRule(timeZoneProblem)),
  languages: z.array(Language, "Send the languages as a list.").superRefine(byRule((list) => languagesProblem(list.map((entry) => entry.language)))),
});
export type UpdateFreelancerProfileInput = z.input<typeof UpdateFreelancerProfileInput>;

export interface UpdatedFreelancerProfile {
  userId: string;
  title: string;
  overview: string;
  skills: string[];
  hourlyRateMinor: bigint | null;
  availability: Availability;
  location: string;
  timeZone: string;
  languages: { language: string; level: (typeof LANGUAGE_LEVELS)[number] }[];
  updatedAt: Date;
}

/** Each skill once (the first spelling kept), whatever its case. */
const distinct = (skills: readonly string[]) => skills.filter((skill, index) => skills.findIndex((other) => other.toLowerCase() === skill.toLowerCase()) === index);

/**
 * A freelancer rewrites their profile: what clients read before inviting or hiring, and what talent
 * search finds (the database keeps the search document from these columns). Saving the same values
 * again changes nothing but the date, so a retry needs no key.
 */
export async function updateFreelancerProfile(prisma: PrismaClient, input: UpdateFreelancerProfileInput & ActorCall): Promise<UpdatedFreelancerProfile> {
  const data = parseCall(UpdateFreelancerProfileInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "FREELANCER", "edit a freelancer profile");
    await lockFreelancerProfile(tx, data.actorId);
    const languages = data.languages.map(({ language, level }) => ({ language, level }));
    const profile = await tx.freelancerProfile.update({
      where: { userId: data.actorId },
      data: {
        title: data.title,
        overview: data.overview,
        skills: distinct(data.skills),
        hourlyRateMinor: data.hourlyRateMinor,
        availability: data.availability,
        location: data.location,
        timeZone: data.timeZone,
        languages,
        updatedAt: data.now,
      },
      select: { userId: true, title: true, overview: true, skills: true, hourlyRateMinor: true, availability: true, location: true, timeZone: true, updatedAt: true },
    });
    return { ...profile, languages };
  });
}

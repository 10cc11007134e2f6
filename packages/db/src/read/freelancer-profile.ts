import { AVAILABILITY_LABELS, profileCompleteness, type ProfileCompleteness } from "@fairlance/rules";
import type { Availability, Db } from "../client";
import { freelancerNotFound, imageUrl } from "../services/profiles/shared";

/** One language a freelancer speaks, as stored in FreelancerProfile.languages. */
export interface ProfileLanguage {
  language: string;
  level: string;
}

export interface ProfilePortfolioItem {
  id: string;
  title: string;
  description: string;
  link: string | null;
  /** `/files/<key>`, or null without an image. */
  imageUrl: string | null;
  position: number;
}

export interface ProfileEmployment {
  id: string;
  company: string;
  role: string;
  /** YYYY-MM. */
  fromMonth: string;
  /** YYYY-MM, or null while current. */
  toMonth: string | null;
  description: string;
  /** "Mar 2021 – Present", "Jan 2019 – Dec 2020". */
  period: string;
}

export interface ProfileEducation {
  id: string;
  school: string;
  degree: string;
  fromYear: number;
  toYear: number | null;
  /** "2014 – 2018", "2022 – Present". */
  period: string;
}

export interface ProfileTimeZone {
  /** The IANA name ("Europe/Lisbon"). */
  name: string;
  /** The zone's offset at `now` ("UTC+01:00"). */
  offset: string;
  /** The time there at `now`, 24-hour ("14:05"). */
  localTime: string;
}

/** What a freelancer's public profile shows (CONTRIBUTING: a read model computes it all). */
export interface FreelancerProfilePage {
  userId: string;
  name: string;
  title: string;
  overview: string;
  skills: string[];
  hourlyRateMinor: bigint | null;
  availability: Availability;
  /** The rules' words: "Available full time (30 hours a week or more)"… */
  availabilityLabel: string;
  location: string;
  timeZone: ProfileTimeZone | null;
  languages: ProfileLanguage[];
  avatarUrl: string | null;
  portfolio: ProfilePortfolioItem[];
  employment: ProfileEmployment[];
  education: ProfileEducation[];
  memberSince: Date;
  /** The gross of every payment released to the freelancer (Payment rows), exact. */
  totalEarnedMinor: bigint;
  /** Contracts that ended after paying the freelancer something. */
  contractsCompleted: number;
  /** Whether the viewer is the freelancer (the page then offers editing). */
  isOwner: boolean;
  /** The rules' completeness meter (economy.md §10.1), with what is missing: only for the owner, null for anyone else. */
  completeness: ProfileCompleteness | null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2021-03" → "Mar 2021". */
export function monthLabel(month: string): string {
  const [year, number] = month.split("-");
  return `${MONTHS[Number(number) - 1] ?? number} ${year}`;
}

export const employmentPeriod = (fromMonth: string, toMonth: string | null) => `${monthLabel(fromMonth)} – ${toMonth ? monthLabel(toMonth) : "Present"}`;
export const educationPeriod = (fromYear: number, toYear: number | null) =>
  toYear === fromYear ? String(fromYear) : `${fromYear} – ${toYear ?? "Present"}`;

/** The zone's offset and the time there at `now`; null for "" (not given) or a name the runtime no longer knows. */
export function timeZoneAt(name: string, now: Date): ProfileTimeZone | null {
  if (!name) return null;
  try {
    const parts = new Intl.DateTimeFormat("en-GB", { timeZone: name, hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "longOffset" }).formatToParts(now);
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
    const offset = part("timeZoneName").replace(/^GMT$/, "GMT+00:00").replace("GMT", "UTC");
    return { name, offset, localTime: `${part("hour")}:${part("minute")}` };
  } catch {
    return null;
  }
}

/** The stored languages (JSON), read defensively: anything but { language, level } pairs is left out. */
export function storedLanguages(value: unknown): ProfileLanguage[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const { language, level } = (entry ?? {}) as Record<string, unknown>;
    return typeof language === "string" && typeof level === "string" ? [{ language, level }] : [];
  });
}

const PROFILE_COLUMNS = {
  title: true,
  overview: true,
  skills: true,
  hourlyRateMinor: true,
  availability: true,
  location: true,
  timeZone: true,
  languages: true,
  avatarKey: true,
} as const;

/** The freelancer's portfolio (in their order), employment (latest first) and education (latest first). */
export async function profileEntries(db: Db, userId: string) {
  const [portfolio, employment, education] = await Promise.all([
    db.portfolioItem.findMany({ where: { userId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }] }),
    db.employmentEntry.findMany({ where: { userId }, orderBy: [{ fromMonth: "desc" }, { createdAt: "desc" }, { id: "asc" }] }),
    db.educationEntry.findMany({ where: { userId }, orderBy: [{ fromYear: "desc" }, { createdAt: "desc" }, { id: "asc" }] }),
  ]);
  return {
    portfolio: portfolio.map((item) => ({
      id: item.id,
      title: item.title,
      description: item.description,
      link: item.link,
      imageUrl: item.imageKey ? imageUrl(item.imageKey) : null,
      position: item.position,
    })),
    // A current job (no end) comes before any that ended.
    employment: employment
      .map((entry) => ({
        id: entry.id,
        company: entry.company,
        role: entry.role,
        fromMonth: entry.fromMonth,
        toMonth: entry.toMonth,
        description: entry.description,
        period: employmentPeriod(entry.fromMonth, entry.toMonth),
      }))
      .sort((a, b) => Number(a.toMonth !== null) - Number(b.toMonth !== null)),
    education: education.map((entry) => ({
      id: entry.id,
      school: entry.school,
      degree: entry.degree,
      fromYear: entry.fromYear,
      toYear: entry.toYear,
      period: educationPeriod(entry.fromYear, entry.toYear),
    })),
  };
}

/** What the freelancer has been paid, gross, and how many contracts ended with money paid. */
export async function freelancerTrackRecord(db: Db, freelancerId: string) {
  const [earned, contractsCompleted] = await Promise.all([
    db.payment.aggregate({ where: { freelancerId }, _sum: { grossMinor: true } }),
    db.contract.count({ where: { freelancerId, status: "ENDED", payments: { some: {} } } }),
  ]);
  return { totalEarnedMinor: earned._sum.grossMinor ?? 0n, contractsCompleted };
}

/**
 * A freelancer's public profile, as anyone may read it (signed in or not): nothing private is in
 * it (no email, no balances). `viewerId` is the person reading (null when signed out); the owner
 * also gets `isOwner` and the completeness meter. An id that is not a freelancer's is NOT_FOUND.
 */
export async function getFreelancerProfile(db: Db, freelancerId: string, viewerId: string | null, now: Date): Promise<FreelancerProfilePage> {
  const user = await db.user.findUnique({
    where: { id: freelancerId },
    select: { id: true, name: true, role: true, createdAt: true, freelancerProfile: { select: PROFILE_COLUMNS } },
  });
  const profile = user?.freelancerProfile;
  if (!user || user.role !== "FREELANCER" || !profile) throw freelancerNotFound();
  const [entries, record] = await Promise.all([profileEntries(db, user.id), freelancerTrackRecord(db, user.id)]);
  const page: Omit<FreelancerProfilePage, "completeness"> = {
    userId: user.id,
    name: user.name,
    title: profile.title,
    overview: profile.overview,
    skills: profile.skills,
    hourlyRateMinor: profile.hourlyRateMinor,
    availability: profile.availability,
    availabilityLabel: AVAILABILITY_LABELS[profile.availability],
    location: profile.location,
    timeZone: timeZoneAt(profile.timeZone, now),
    languages: storedLanguages(profile.languages),
    avatarUrl: profile.avatarKey ? imageUrl(profile.avatarKey) : null,
    ...entries,
    memberSince: user.createdAt,
    ...record,
    isOwner: viewerId === user.id,
  };
  return { ...page, completeness: page.isOwner ? completenessOf(page) : null };
}

/** How complete a freelancer's profile is, from what its page shows (economy.md §10.1). */
export function completenessOf(page: Omit<FreelancerProfilePage, "completeness">): ProfileCompleteness {
  return profileCompleteness({
    hasAvatar: page.avatarUrl !== null,
    title: page.title,
    overview: page.overview,
    skills: page.skills,
    hourlyRateMinor: page.hourlyRateMinor,
    availability: page.availability,
    location: page.location,
    languages: page.languages.map((entry) => entry.language),
    portfolioCount: page.portfolio.length,
    employmentCount: page.employment.length,
    educationCount: page.education.length,
  });
}

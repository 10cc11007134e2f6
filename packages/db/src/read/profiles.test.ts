import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, earn, key, makeUser, type TestDatabase, type TestUser } from "../testing";
import { addEducation } from "../services/profiles/add-education";
import { addEmployment } from "../services/profiles/add-employment";
import { addPortfolioItem } from "../services/profiles/add-portfolio-item";
import { updateClientProfile } from "../services/profiles/update-client-profile";
import { updateFreelancerProfile } from "../services/profiles/update-freelancer-profile";
import { getClientProfile } from "./client-profile";
import { educationPeriod, employmentPeriod, getFreelancerProfile, timeZoneAt } from "./freelancer-profile";
import { clientTrust } from "./job-pages";
import { getMyProfile } from "./my-profile";

const now = new Date("2026-12-03T12:00:00Z");
const joined = new Date("2025-06-01T08:00:00Z");
let db: TestDatabase;
let fran: TestUser;
let carol: TestUser;
let admin: TestUser;

beforeAll(async () => {
  db = await freshDatabase();
  fran = await makeUser(db.prisma, "FREELANCER", { name: "Fran Silva", createdAt: joined });
  carol = await makeUser(db.prisma, "CLIENT", { name: "Carol Jones", createdAt: joined });
  admin = await makeUser(db.prisma, "ADMIN");
  const as = { actorId: fran.id, now };
  await updateFreelancerProfile(db.prisma, {
    ...as,
    title: "Senior React developer",
    overview: "Short overview.",
    skills: ["React", "TypeScript"],
    hourlyRateMinor: 6_500n,
    availability: "FULL_TIME",
    location: "Lisbon, Portugal",
    timeZone: "Europe/Lisbon",
    languages: [{ language: "English", level: "FLUENT" }],
  });
  for (const title of ["First", "Second"]) await addPortfolioItem(db.prisma, { ...as, idempotencyKey: key(), title, description: "", link: null });
  await addEmployment(db.prisma, { ...as, idempotencyKey: key(), employment: { company: "Old Co", role: "Developer", fromMonth: "2018-01", toMonth: "2020-12", description: "" } });
  await addEmployment(db.prisma, { ...as, idempotencyKey: key(), employment: { company: "Acme", role: "Lead", fromMonth: "2021-03", toMonth: null, description: "Leads the web team." } });
  await addEducation(db.prisma, { ...as, idempotencyKey: key(), education: { school: "University of Lisbon", degree: "BSc", fromYear: 2014, toYear: 2018 } });
  // Paid twice on one contract that ended, once on one still active.
  const ended = await earn(db.prisma, { clientId: carol.id, freelancerId: fran.id, grossMinor: 123_456n, now });
  await earn(db.prisma, { clientId: carol.id, freelancerId: fran.id, grossMinor: 1n, now });
  await db.prisma.contract.update({ where: { id: ended.contractId }, data: { status: "ENDED", endedAt: now } });
});
afterAll(() => db.drop());

describe("a freelancer's public profile", () => {
  it("shows everything the page needs, computed on the server, to anyone", async () => {
    const page = await getFreelancerProfile(db.prisma, fran.id, null, now);
    expect(page).toMatchObject({
      userId: fran.id,
      name: "Fran Silva",
      title: "Senior React developer",
      skills: ["React", "TypeScript"],
      hourlyRateMinor: 6_500n,
      availabilityLabel: "Available full time (30 hours a week or more)",
      timeZone: { name: "Europe/Lisbon", offset: "UTC+00:00", localTime: "12:00" },
      languages: [{ language: "English", level: "FLUENT" }],
      avatarUrl: null,
      memberSince: joined,
      totalEarnedMinor: 123_457n,
      contractsCompleted: 1,
      isOwner: false,
      completeness: null,
    });
    expect(page.portfolio.map((item) => [item.title, item.position])).toEqual([["First", 0], ["Second", 1]]);
    // The current job first, then the latest that ended.
    expect(page.employment.map((entry) => [entry.company, entry.period])).toEqual([["Acme", "Mar 2021 – Present"], ["Old Co", "Jan 2018 – Dec 2020"]]);
    expect(page.education).toEqual([expect.objectContaining({ school: "University of Lisbon", period: "2014 – 2018" })]);
    // Nothing private: no email, no balances.
    expect(JSON.stringify(page, (_, value: unknown) => (typeof value === "bigint" ? value.toString() : value))).not.toContain(fran.email);
  });

  it("shows the completeness meter, with what is missing, to the owner only", async () => {
    expect((await getFreelancerProfile(db.prisma, fran.id, carol.id, now)).completeness).toBeNull();
    const own = await getFreelancerProfile(db.prisma, fran.id, fran.id, now);
    expect(own.isOwner).toBe(true);
    expect(own.completeness).toEqual({
      percent: 100 - 10 - 20 - 15,
      missing: [
        { item: "photo", sentence: "Add a profile photo.", points: 10 },
        { item: "overview", sentence: "Write at least 100 characters in your overview; it has 15.", points: 20 },
        { item: "skills", sentence: "List at least 3 skills; you have 2.", points: 15 },
      ],
    });
  });

  it("is NOT_FOUND for an id that is nobody's, a client's or an admin's", async () => {
    const notFound = { code: "NOT_FOUND", message: "This freelancer does not exist." };
    for (const id of ["7d0c2a9e-0000-4000-8000-000000000000", carol.id, admin.id]) {
      await expect(getFreelancerProfile(db.prisma, id, null, now)).rejects.toMatchObject(notFound);
    }
  });

  it("formats periods and time zones for the page", () => {
    expect(employmentPeriod("2019-11", "2019-11")).toBe("Nov 2019 – Nov 2019");
    expect(educationPeriod(2020, 2020)).toBe("2020");
    expect(educationPeriod(2024, null)).toBe("2024 – Present");
    expect(timeZoneAt("America/New_York", now)).toEqual({ name: "America/New_York", offset: "UTC-05:00", localTime: "07:00" });
    expect(timeZoneAt("Asia/Kolkata", now)).toEqual({ name: "Asia/Kolkata", offset: "UTC+05:30", localTime: "17:30" });
    expect(timeZoneAt("", now)).toBeNull();
    expect(timeZoneAt("Mars/Olympus", now)).toBeNull();
  });
});

describe("a client's profile", () => {
  it("shows who they are and the same trust figures as each job's panel", async () => {
    await updateClientProfile(db.prisma, { actorId: carol.id, now, companyName: "", description: "I hire for my shop.", location: "Porto" });
    const page = await getClientProfile(db.prisma, carol.id, fran.id);
    expect(page).toMatchObject({ name: "Carol Jones", displayName: "Carol Jones", kindLabel: "Individual client", location: "Porto", memberSince: joined, isOwner: false });
    expect(page.trust).toEqual(await clientTrust(db.prisma, carol.id));
    expect(page.trust).toMatchObject({ totalSpentMinor: 123_457n, paymentVerified: false, hires: 2 });

    await updateClientProfile(db.prisma, { actorId: carol.id, now, companyName: "Northwind", description: "", location: "" });
    expect(await getClientProfile(db.prisma, carol.id, carol.id)).toMatchObject({ displayName: "Northwind", kindLabel: "Company", isOwner: true });
  });

  it("is NOT_FOUND for an id that is not a client's", async () => {
    for (const id of [fran.id, admin.id, "7d0c2a9e-0000-4000-8000-000000000000"]) {
      await expect(getClientProfile(db.prisma, id, null)).rejects.toMatchObject({ code: "NOT_FOUND", message: "This client does not exist." });
    }
  });
});

describe("my profile", () => {
  it("is the freelancer's page with its completeness and stored time zone, or the client's page", async () => {
    const mine = await getMyProfile(db.prisma, fran, now);
    expect(mine.role).toBe("FREELANCER");
    if (mine.role === "FREELANCER") expect(mine.freelancer).toMatchObject({ userId: fran.id, timeZoneName: "Europe/Lisbon", completeness: { percent: 55 } });
    await expect(getMyProfile(db.prisma, carol, now)).resolves.toMatchObject({ role: "CLIENT", client: { userId: carol.id, isOwner: true } });
    await expect(getMyProfile(db.prisma, admin, now)).rejects.toMatchObject({ code: "FORBIDDEN", message: "Admins have no profile." });
  });
});

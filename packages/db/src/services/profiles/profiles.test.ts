import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROFILE_LIMITS } from "@fairlance/rules";
import { LocalFileStore } from "../../files";
import { freshDatabase, key, makeUser, type TestDatabase, type TestUser } from "../../testing";
import { addEducation } from "./add-education";
import { addEmployment } from "./add-employment";
import { addPortfolioItem } from "./add-portfolio-item";
import { removeAvatar } from "./remove-avatar";
import { removeEducation } from "./remove-education";
import { removeEmployment } from "./remove-employment";
import { removePortfolioImage } from "./remove-portfolio-image";
import { removePortfolioItem } from "./remove-portfolio-item";
import { reorderPortfolio } from "./reorder-portfolio";
import { setAvatar } from "./set-avatar";
import { setPortfolioImage } from "./set-portfolio-image";
import { updateClientProfile } from "./update-client-profile";
import { updateEducation } from "./update-education";
import { updateEmployment } from "./update-employment";
import { updateFreelancerProfile, type UpdateFreelancerProfileInput } from "./update-freelancer-profile";
import { updatePortfolioItem } from "./update-portfolio-item";

const now = new Date("2026-12-03T12:00:00Z");
let db: TestDatabase;
let root: string;
let store: LocalFileStore;
let admin: TestUser;
let client: TestUser;

beforeAll(async () => {
  db = await freshDatabase();
  root = await mkdtemp(join(tmpdir(), "fairlance-profiles-"));
  store = new LocalFileStore(root);
  admin = await makeUser(db.prisma, "ADMIN");
  client = await makeUser(db.prisma, "CLIENT");
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await db.drop();
});

const freelancer = () => makeUser(db.prisma, "FREELANCER");
const as = (who: TestUser) => ({ actorId: who.id, now });
/** Every file the store holds, as keys. */
const storedKeys = async () => (await readdir(join(root, "images")).catch(() => [] as string[])).map((name) => `images/${name}`);
const keyOf = (url: string | null) => url?.replace(/^\/files\//, "") ?? null;
const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: "#3a7" } }).png().toBuffer().then((b) => new Uint8Array(b));

const PROFILE: UpdateFreelancerProfileInput = {
  title: "Senior React developer",
  overview: "I build fast, accessible web apps.",
  skills: ["React", "TypeScript", "react", "CSS"],
  hourlyRateMinor: 6_500n,
  availability: "PART_TIME",
  location: "Lisbon, Portugal",
  timeZone: "Europe/Lisbon",
  languages: [
    { language: "English", level: "FLUENT" },
    { language: "Portuguese", level: "NATIVE" },
  ],
};
const ITEM = { title: "Checkout redesign", description: "A faster checkout for a shop.", link: "https://example.com/checkout" };
const JOB = { company: "Acme", role: "Front-end developer", fromMonth: "2021-03", toMonth: null, description: "" };
const SCHOOL = { school: "University of Lisbon", degree: "BSc Computer Science", fromYear: 2014, toYear: 2018 };

describe("a freelancer's profile", () => {
  it("is saved whole, each skill once whatever its case, and read back", async () => {
    const fran = await freelancer();
    const saved = await updateFreelancerProfile(db.prisma, { ...PROFILE, ...as(fran) });
    expect(saved).toMatchObject({ userId: fran.id, skills: ["React", "TypeScript", "CSS"], hourlyRateMinor: 6_500n, timeZone: "Europe/Lisbon", updatedAt: now });
    const stored = await db.prisma.freelancerProfile.findUniqueOrThrow({ where: { userId: fran.id } });
    expect(stored).toMatchObject({ title: PROFILE.title, availability: "PART_TIME", languages: PROFILE.languages });
    // No rate and no time zone are allowed; so are no skills.
    await expect(updateFreelancerProfile(db.prisma, { ...PROFILE, hourlyRateMinor: null, timeZone: "", skills: [], ...as(fran) })).resolves.toMatchObject({ hourlyRateMinor: null, timeZone: "", skills: [] });
  });

  it("refuses what the rules refuse, with their sentences, and changes nothing", async () => {
    const fran = await freelancer();
    const refused = (changes: Partial<Record<keyof UpdateFreelancerProfileInput, unknown>>, message: string) =>
      expect(updateFreelancerProfile(db.prisma, { ...PROFILE, ...changes, ...as(fran) } as UpdateFreelancerProfileInput & { actorId: string; now: Date })).rejects.toMatchObject({ code: "INVALID_REQUEST", message });
    await refused({ title: "Dev" }, 'Give your profile a title of at least 5 characters, like "Senior React developer".');
    await refused({ hourlyRateMinor: 499n }, "Your hourly rate must be at least $5.00.");
    await refused({ hourlyRateMinor: 100_001n }, "Your hourly rate can be at most $1,000.00.");
    await refused({ timeZone: "Mars/Olympus" }, "Choose your time zone from the list, like Europe/Lisbon.");
    await refused({ languages: [{ language: "English", level: "FLUENT" }, { language: "english", level: "BASIC" }] }, PROFILE_LIMITS.languageTwice);
    await refused({ languages: [{ language: "English", level: "PERFECT" }] }, "Choose how well you speak it.");
    await refused({ skills: Array.from({ length: 16 }, (_, i) => `skill ${i}`) }, "List at most 15 skills.");
    expect(await db.prisma.freelancerProfile.findUniqueOrThrow({ where: { userId: fran.id } })).toMatchObject({ title: "", skills: [] });
  });

  it("is a freelancer's: clients and admins are refused", async () => {
    await expect(updateFreelancerProfile(db.prisma, { ...PROFILE, ...as(client) })).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only freelancers can edit a freelancer profile." });
    await expect(updateFreelancerProfile(db.prisma, { ...PROFILE, ...as(admin) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("a client's profile", () => {
  it("is saved whole; a company name may be blank (a person hiring for themselves)", async () => {
    const carol = await makeUser(db.prisma, "CLIENT");
    const fields = { companyName: "  Northwind Traders ", description: "We sell tea.", location: "Porto" };
    await expect(updateClientProfile(db.prisma, { ...fields, ...as(carol) })).resolves.toMatchObject({ companyName: "Northwind Traders", location: "Porto", updatedAt: now });
    await expect(updateClientProfile(db.prisma, { ...fields, companyName: "", ...as(carol) })).resolves.toMatchObject({ companyName: "" });
    await expect(updateClientProfile(db.prisma, { ...fields, description: "x".repeat(2_001), ...as(carol) })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    const fran = await freelancer();
    await expect(updateClientProfile(db.prisma, { ...fields, ...as(fran) })).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only clients can edit a client profile." });
    await expect(updateClientProfile(db.prisma, { ...fields, ...as(admin) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the portfolio", () => {
  it("adds at the end, once per key, up to 12 items", async () => {
    const fran = await freelancer();
    const idempotencyKey = key();
    const first = await addPortfolioItem(db.prisma, { ...ITEM, idempotencyKey, ...as(fran) });
    expect(first).toMatchObject({ title: ITEM.title, link: ITEM.link, imageUrl: null, position: 0 });
    // A retry with the same key adds nothing and answers the same.
    expect(await addPortfolioItem(db.prisma, { ...ITEM, idempotencyKey, ...as(fran) })).toEqual(first);
    await expect(addPortfolioItem(db.prisma, { ...ITEM, title: "Other", idempotencyKey, ...as(fran) })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    for (let i = 1; i < PROFILE_LIMITS.maxPortfolioItems; i++) {
      expect((await addPortfolioItem(db.prisma, { ...ITEM, link: null, idempotencyKey: key(), ...as(fran) })).position).toBe(i);
    }
    await expect(addPortfolioItem(db.prisma, { ...ITEM, idempotencyKey: key(), ...as(fran) })).rejects.toMatchObject({ code: "CONFLICT", message: PROFILE_LIMITS.tooManyPortfolio });
    expect(await db.prisma.portfolioItem.count({ where: { userId: fran.id } })).toBe(12);
  });

  it("takes only web links, and adding one is a freelancer's", async () => {
    const fran = await freelancer();
    for (const link of ["javascript:alert(1)", "ftp://example.com", "example.com", ""]) {
      await expect(addPortfolioItem(db.prisma, { ...ITEM, link, idempotencyKey: key(), ...as(fran) }), link).rejects.toMatchObject({
        code: "INVALID_REQUEST",
        message: "A link must be a web address starting with http:// or https://.",
      });
    }
    await expect(addPortfolioItem(db.prisma, { ...ITEM, idempotencyKey: key(), ...as(client) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("edits, reorders and removes only the freelancer's own items; another's is not found", async () => {
    const fran = await freelancer();
    const olga = await freelancer();
    const ids: string[] = [];
    for (const title of ["One", "Two", "Three"]) ids.push((await addPortfolioItem(db.prisma, { ...ITEM, title, idempotencyKey: key(), ...as(fran) })).portfolioItemId);
    const [one, two, three] = ids as [string, string, string];

    await expect(updatePortfolioItem(db.prisma, { portfolioItemId: two, ...ITEM, title: "Two, better", ...as(fran) })).resolves.toMatchObject({ title: "Two, better", position: 1 });
    const notFound = { code: "NOT_FOUND", message: "This portfolio item does not exist." };
    await expect(updatePortfolioItem(db.prisma, { portfolioItemId: two, ...ITEM, ...as(olga) })).rejects.toMatchObject(notFound);
    await expect(removePortfolioItem(db.prisma, { portfolioItemId: two, ...as(olga) }, { store })).rejects.toMatchObject(notFound);

    const reordered = await reorderPortfolio(db.prisma, { portfolioItemIds: [three, one, two], ...as(fran) });
    expect(reordered.map((item) => [item.title, item.position])).toEqual([["Three", 0], ["One", 1], ["Two, better", 2]]);
    await expect(reorderPortfolio(db.prisma, { portfolioItemIds: [three, one], ...as(fran) })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(reorderPortfolio(db.prisma, { portfolioItemIds: [three, one, one], ...as(fran) })).rejects.toMatchObject({ code: "INVALID_REQUEST", message: "Name each portfolio item once." });
    await expect(reorderPortfolio(db.prisma, { portfolioItemIds: [three, one, two], ...as(olga) })).rejects.toMatchObject(notFound);

    await removePortfolioItem(db.prisma, { portfolioItemId: three, ...as(fran) }, { store });
    const left = await db.prisma.portfolioItem.findMany({ where: { userId: fran.id }, orderBy: { position: "asc" } });
    expect(left.map((item) => [item.id, item.position])).toEqual([[one, 0], [two, 1]]);
    await expect(removePortfolioItem(db.prisma, { portfolioItemId: three, ...as(fran) }, { store })).rejects.toMatchObject(notFound);
  });
});

describe("employment and education", () => {
  it("adds once per key, edits and removes a freelancer's own entries", async () => {
    const fran = await freelancer();
    const olga = await freelancer();
    const idempotencyKey = key();
    const job = await addEmployment(db.prisma, { idempotencyKey, employment: JOB, ...as(fran) });
    expect(await addEmployment(db.prisma, { idempotencyKey, employment: JOB, ...as(fran) })).toEqual(job);
    expect(await db.prisma.employmentEntry.count({ where: { userId: fran.id } })).toBe(1);
    await expect(updateEmployment(db.prisma, { employmentId: job.employmentId, employment: { ...JOB, toMonth: "2024-06" }, ...as(fran) })).resolves.toMatchObject({ toMonth: "2024-06" });
    await expect(updateEmployment(db.prisma, { employmentId: job.employmentId, employment: JOB, ...as(olga) })).rejects.toMatchObject({ code: "NOT_FOUND", message: "This employment entry does not exist." });
    await expect(removeEmployment(db.prisma, { employmentId: job.employmentId, ...as(olga) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeEmployment(db.prisma, { employmentId: job.employmentId, ...as(fran) })).resolves.toEqual({ employmentId: job.employmentId });
    await expect(removeEmployment(db.prisma, { employmentId: job.employmentId, ...as(fran) })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const school = await addEducation(db.prisma, { idempotencyKey: key(), education: SCHOOL, ...as(fran) });
    expect(school).toMatchObject({ school: SCHOOL.school, fromYear: 2014, toYear: 2018 });
    await expect(updateEducation(db.prisma, { educationId: school.educationId, education: { ...SCHOOL, degree: "", toYear: null }, ...as(fran) })).resolves.toMatchObject({ degree: "", toYear: null });
    await expect(updateEducation(db.prisma, { educationId: school.educationId, education: SCHOOL, ...as(olga) })).rejects.toMatchObject({ code: "NOT_FOUND", message: "This education entry does not exist." });
    await expect(removeEducation(db.prisma, { educationId: school.educationId, ...as(fran) })).resolves.toEqual({ educationId: school.educationId });
    await expect(addEducation(db.prisma, { idempotencyKey: key(), education: SCHOOL, ...as(client) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses dates the rules refuse, on the field they belong to", async () => {
    const fran = await freelancer();
    const employmentRefused = (changes: Partial<typeof JOB> | Record<string, unknown>, path: string, message: string) =>
      expect(addEmployment(db.prisma, { idempotencyKey: key(), employment: { ...JOB, ...changes } as typeof JOB, ...as(fran) })).rejects.toMatchObject({
        code: "INVALID_REQUEST",
        message,
        details: { issues: [{ path, message }] },
      });
    await employmentRefused({ fromMonth: "2021-05", toMonth: "2021-04" }, "employment.toMonth", "The end cannot be before the start.");
    await employmentRefused({ fromMonth: "2027-01" }, "employment.fromMonth", "The start month cannot be after this month.");
    await employmentRefused({ fromMonth: "March 2021" }, "employment.fromMonth", "Give the start month as YYYY-MM, for example 2021-03.");
    await expect(addEducation(db.prisma, { idempotencyKey: key(), education: { ...SCHOOL, toYear: 2013 }, ...as(fran) })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      details: { issues: [{ path: "education.toYear", message: "The end cannot be before the start." }] },
    });
    // A degree under way may end up to 10 years ahead.
    await expect(addEducation(db.prisma, { idempotencyKey: key(), education: { ...SCHOOL, fromYear: 2025, toYear: 2029 }, ...as(fran) })).resolves.toMatchObject({ toYear: 2029 });
    expect(await db.prisma.employmentEntry.count({ where: { userId: fran.id } })).toBe(0);
  });

  it("keeps at most 10 of each", async () => {
    const fran = await freelancer();
    for (let i = 0; i < PROFILE_LIMITS.maxEmployment; i++) await addEmployment(db.prisma, { idempotencyKey: key(), employment: JOB, ...as(fran) });
    await expect(addEmployment(db.prisma, { idempotencyKey: key(), employment: JOB, ...as(fran) })).rejects.toMatchObject({ code: "CONFLICT", message: PROFILE_LIMITS.tooManyEmployment });
    for (let i = 0; i < PROFILE_LIMITS.maxEducation; i++) await addEducation(db.prisma, { idempotencyKey: key(), education: SCHOOL, ...as(fran) });
    await expect(addEducation(db.prisma, { idempotencyKey: key(), education: SCHOOL, ...as(fran) })).rejects.toMatchObject({ code: "CONFLICT", message: PROFILE_LIMITS.tooManyEducation });
  });
});

describe("images", () => {
  it("a profile photo is stored re-encoded under a new key; the one it replaces is removed", async () => {
    const fran = await freelancer();
    const first = await setAvatar(db.prisma, { image: await png(300, 240), ...as(fran) }, { store });
    expect(first.avatarUrl).toMatch(/^\/files\/images\/[0-9a-f-]{36}\.webp$/);
    const firstKey = keyOf(first.avatarUrl)!;
    const stored = await store.get(firstKey);
    expect(stored?.contentType).toBe("image/webp");
    expect(await sharp(Buffer.from(stored!.bytes)).metadata()).toMatchObject({ format: "webp", width: 400, height: 400 });

    const second = await setAvatar(db.prisma, { image: await png(500, 500), ...as(fran) }, { store });
    const secondKey = keyOf(second.avatarUrl)!;
    expect(secondKey).not.toBe(firstKey);
    expect(await store.exists(firstKey)).toBe(false);
    expect((await db.prisma.freelancerProfile.findUniqueOrThrow({ where: { userId: fran.id } })).avatarKey).toBe(secondKey);

    await expect(removeAvatar(db.prisma, as(fran), { store })).resolves.toEqual({ avatarUrl: null });
    expect(await store.exists(secondKey)).toBe(false);
    expect((await db.prisma.freelancerProfile.findUniqueOrThrow({ where: { userId: fran.id } })).avatarKey).toBeNull();
    await expect(removeAvatar(db.prisma, as(fran), { store })).resolves.toEqual({ avatarUrl: null });
  });

  it("a client has a photo too; an admin has no profile", async () => {
    const carol = await makeUser(db.prisma, "CLIENT");
    const { avatarUrl } = await setAvatar(db.prisma, { image: await png(200, 200), ...as(carol) }, { store });
    expect((await db.prisma.clientProfile.findUniqueOrThrow({ where: { userId: carol.id } })).avatarKey).toBe(keyOf(avatarUrl));
    await removeAvatar(db.prisma, as(carol), { store });
    expect(await store.exists(keyOf(avatarUrl)!)).toBe(false);
    const before = await storedKeys();
    await expect(setAvatar(db.prisma, { image: await png(200, 200), ...as(admin) }, { store })).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only freelancers and clients can set a profile photo." });
    expect(await storedKeys()).toEqual(before);
  });

  it("a bad file is refused with the rule's sentence, on the image field, and nothing is stored or changed", async () => {
    const fran = await freelancer();
    const before = await storedKeys();
    const refused = async (bytes: Uint8Array, message: string | RegExp) => {
      const error = await setAvatar(db.prisma, { image: bytes, ...as(fran) }, { store }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: "INVALID_REQUEST", details: { issues: [{ path: "image" }] } });
      expect((error as Error).message).toMatch(message);
    };
    await refused(new Uint8Array(), "The file is empty. Choose a JPEG, PNG or WebP image.");
    await refused(new TextEncoder().encode("%PDF-1.7 not an image at all"), /not a JPEG, PNG or WebP image/);
    await refused((await png(300, 300)).slice(0, 100), /could not be read/);
    await refused(await png(150, 150), "A profile photo must be at least 200 × 200 pixels; this one is 150 × 150.");
    await refused(new Uint8Array(5 * 1024 * 1024 + 1), /an image can be at most 5 MB/);
    await expect(setAvatar(db.prisma, { image: "not bytes" as unknown as Uint8Array, ...as(fran) }, { store })).rejects.toMatchObject({ code: "INVALID_REQUEST", message: "Choose an image to upload." });
    expect(await storedKeys()).toEqual(before);
    expect((await db.prisma.freelancerProfile.findUniqueOrThrow({ where: { userId: fran.id } })).avatarKey).toBeNull();
  });

  it("a portfolio image belongs to the freelancer's own item; replacing or removing it, or the item, removes the file", async () => {
    const fran = await freelancer();
    const olga = await freelancer();
    const { portfolioItemId } = await addPortfolioItem(db.prisma, { ...ITEM, idempotencyKey: key(), ...as(fran) });
    const first = await setPortfolioImage(db.prisma, { portfolioItemId, image: await png(800, 600), ...as(fran) }, { store });
    const firstKey = keyOf(first.imageUrl)!;
    expect(await store.exists(firstKey)).toBe(true);

    const before = await storedKeys();
    await expect(setPortfolioImage(db.prisma, { portfolioItemId, image: await png(800, 600), ...as(olga) }, { store })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setPortfolioImage(db.prisma, { portfolioItemId, image: await png(300, 200), ...as(fran) }, { store })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      message: "A portfolio image must be at least 400 × 300 pixels (either way round); this one is 300 × 200.",
    });
    await expect(removePortfolioImage(db.prisma, { portfolioItemId, ...as(olga) }, { store })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await storedKeys()).toEqual(before);

    const second = await setPortfolioImage(db.prisma, { portfolioItemId, image: await png(600, 900), ...as(fran) }, { store });
    expect(await store.exists(firstKey)).toBe(false);
    await expect(removePortfolioImage(db.prisma, { portfolioItemId, ...as(fran) }, { store })).resolves.toMatchObject({ imageUrl: null });
    expect(await store.exists(keyOf(second.imageUrl)!)).toBe(false);

    const third = await setPortfolioImage(db.prisma, { portfolioItemId, image: await png(1_000, 700), ...as(fran) }, { store });
    await removePortfolioItem(db.prisma, { portfolioItemId, ...as(fran) }, { store });
    expect(await store.exists(keyOf(third.imageUrl)!)).toBe(false);
  });
});

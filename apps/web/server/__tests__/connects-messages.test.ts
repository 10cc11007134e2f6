import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COVER_LETTER, freshDatabase, key, type TestDatabase } from "@fairlance/db/testing";
import { people } from "./marketplace-fixtures";

let db: TestDatabase;
let the: Awaited<ReturnType<typeof people>>;
beforeAll(async () => {
  db = await freshDatabase();
  the = await people(db.prisma);
  await the.grant(the.users.freelancer.id, 20);
});
afterAll(() => db.drop());

const FORBIDDEN = { code: "FORBIDDEN" };
const NOT_FOUND = { code: "NOT_FOUND" };

describe("connects procedures", () => {
  it("connects.overview, checkout and roi are the freelancer's own; clients are refused", async () => {
    const overview = await the.callers.freelancer.connects.overview();
    expect(overview).toMatchObject({ balance: 20, membership: { status: "NONE", priceMinor: 1499n, monthlyConnects: 70, rolloverCap: 140 } });
    expect(overview.bundles[0]).toEqual({ size: 10, priceMinor: 150n });
    expect(overview.history[0]).toMatchObject({ delta: 20, label: "Granted by an admin", note: "test grant" });
    expect(await the.callers.otherFreelancer.connects.overview()).toMatchObject({ balance: 0, history: [] });
    expect(await the.callers.freelancer.connects.checkout()).toMatchObject({ cards: [], unverifiedCards: 0, earningsAllowed: false, availableMinor: 0n });
    expect((await the.callers.freelancer.connects.checkout()).membershipQuote).toMatchObject({ chargeMinor: 1499n, connects: 70, resumes: false });
    expect((await the.callers.freelancer.connects.roi()).roi).toMatchObject({ proposals: 0, spentMinor: 0n });
    await expect(the.callers.client.connects.overview()).rejects.toMatchObject(FORBIDDEN);
    await expect(the.callers.client.connects.checkout()).rejects.toMatchObject(FORBIDDEN);
    await expect(the.callers.client.connects.roi()).rejects.toMatchObject(FORBIDDEN);
  });

  it("connects.buy charges the freelancer's own card at the bundle price; another's card is not found", async () => {
    const cardId = await the.card(the.users.freelancer.id);
    const otherCard = await the.card(the.users.otherFreelancer.id);
    expect((await the.callers.freelancer.connects.checkout()).cards).toEqual([{ id: cardId, brand: expect.any(String), last4: "4242" }]);
    const purchase = { bundleSize: 10, paidWith: "card" as const };
    await expect(the.callers.freelancer.connects.buy({ ...purchase, paymentMethodId: otherCard, idempotencyKey: key() })).rejects.toMatchObject(NOT_FOUND);
    await expect(the.callers.client.connects.buy({ ...purchase, paymentMethodId: cardId, idempotencyKey: key() })).rejects.toMatchObject(FORBIDDEN);
    const idempotencyKey = key();
    const bought = await the.callers.freelancer.connects.buy({ ...purchase, paymentMethodId: cardId, idempotencyKey });
    expect(bought).toMatchObject({ connects: 10, priceMinor: 150n, paidWith: "card" });
    // A double click sends the same key: nothing happens twice.
    expect(await the.callers.freelancer.connects.buy({ ...purchase, paymentMethodId: cardId, idempotencyKey })).toEqual(bought);
    expect((await the.callers.freelancer.connects.overview()).balance).toBe(30);
    await expect(the.callers.freelancer.connects.buy({ bundleSize: 10, paidWith: "earnings", idempotencyKey: key() })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: "Connects can only be bought with a payment method right now.",
    });
  });

  it("connects.subscribe and cancelMembership run Freelancer Plus for its own member", async () => {
    const cardId = (await the.callers.freelancer.connects.checkout()).cards[0]!.id;
    const otherCard = (await the.callers.otherFreelancer.connects.checkout()).cards[0]!.id;
    await expect(the.callers.freelancer.connects.subscribe({ paymentMethodId: otherCard, idempotencyKey: key() })).rejects.toMatchObject(NOT_FOUND);
    await expect(the.callers.client.connects.subscribe({ paymentMethodId: cardId, idempotencyKey: key() })).rejects.toMatchObject(FORBIDDEN);
    await expect(the.callers.otherFreelancer.connects.cancelMembership()).rejects.toMatchObject(NOT_FOUND);
    await expect(the.callers.client.connects.cancelMembership()).rejects.toMatchObject(FORBIDDEN);
    const subscribed = await the.callers.freelancer.connects.subscribe({ paymentMethodId: cardId, idempotencyKey: key() });
    expect(subscribed).toMatchObject({ outcome: "started", chargedMinor: 1499n, connectsGranted: 70 });
    expect((await the.callers.freelancer.connects.overview()).membership).toMatchObject({ status: "ACTIVE", nextGrantAt: subscribed.currentPeriodEnd });
    expect((await the.callers.freelancer.connects.checkout()).membershipQuote).toBeNull();
    expect(await the.callers.freelancer.connects.cancelMembership()).toMatchObject({ status: "CANCELLED", activeUntil: subscribed.currentPeriodEnd });
    // A cancelled membership still paid resumes without a charge, as the quote says.
    expect((await the.callers.freelancer.connects.checkout()).membershipQuote).toMatchObject({ chargeMinor: 0n, resumes: true });
  });
});

describe("message procedures", () => {
  it("lets the two people of a proposal talk, warns the recipient of a flagged message, and refuses everyone else", async () => {
    const jobId = await the.job();
    const { proposalId } = await the.callers.freelancer.proposal.submit({ jobId, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 80_000n });
    const sent = await the.callers.freelancer.message.send({ proposalId, idempotencyKey: key(), body: "Write me on Telegram or at sam@example.com" });
    expect(sent.flags).toEqual(["email", "messenger"]);
    const forClient = await the.callers.client.message.list({ proposalId });
    expect(forClient).toEqual([expect.objectContaining({ id: sent.messageId, mine: false, warning: expect.objectContaining({ message: expect.stringContaining("Be careful") }) })]);
    expect((await the.callers.freelancer.message.list({ proposalId }))[0]).toMatchObject({ mine: true, warning: null });
    await expect(the.callers.client.message.send({ proposalId, idempotencyKey: key(), body: "Thanks, let us stay here." })).resolves.toMatchObject({ flags: [] });
    await expect(the.callers.otherClient.message.list({ proposalId })).rejects.toMatchObject(NOT_FOUND);
    await expect(the.callers.otherFreelancer.message.send({ proposalId, idempotencyKey: key(), body: "Hello" })).rejects.toMatchObject(NOT_FOUND);
    await expect(the.callers.admin.message.list({ proposalId })).rejects.toMatchObject(FORBIDDEN);
    await expect(the.callers.admin.message.send({ proposalId, idempotencyKey: key(), body: "Hello" })).rejects.toMatchObject(FORBIDDEN);
  });
});

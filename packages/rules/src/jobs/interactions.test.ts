import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { settleBoostAuction } from "../connects/boost";
import { isJobExpiryDue, jobExpiryOutlook, jobIdleCutoff } from "../contracts/guards";
import { utc } from "../test-utils";
import {
  boostBidOf,
  countsAsJobActivity,
  INTERACTION_ACTIVITY,
  interactionKeepsBoost,
  JOB_ACTIVITIES,
  JOB_ACTIVITY_KINDS,
  jobActivityWords,
  PROPOSAL_INTERACTION_KINDS,
  rankingRule,
  rankProposals,
  type RankedProposal,
} from "./interactions";

const boosted = { boostConnects: 5, boostSettledAt: null };

describe("client interactions with a proposal (economy.md §2.3)", () => {
  it("each of viewing, messaging, shortlisting, inviting to interview, declining and hiring keeps a boost in play", () => {
    expect(PROPOSAL_INTERACTION_KINDS).toEqual(["viewed", "messaged", "shortlisted", "interviewed", "declined", "offered"]);
    for (const kind of PROPOSAL_INTERACTION_KINDS) {
      expect([kind, interactionKeepsBoost(kind, boosted)]).toEqual([kind, true]);
      // Not boosted, or already settled by the auction: there is no boost to keep.
      expect([kind, interactionKeepsBoost(kind, { boostConnects: 0, boostSettledAt: null })]).toEqual([kind, false]);
      expect([kind, interactionKeepsBoost(kind, { boostConnects: 5, boostSettledAt: utc("2026-12-08") })]).toEqual([kind, false]);
      expect([kind, interactionKeepsBoost(kind, { boostConnects: 5, boostSettledAt: null, boostRefunded: true })]).toEqual([kind, false]);
    }
  });

  it("each is activity on the job", () => {
    for (const kind of PROPOSAL_INTERACTION_KINDS) {
      expect(JOB_ACTIVITIES[INTERACTION_ACTIVITY[kind]].by).toBe("client");
      expect(countsAsJobActivity(INTERACTION_ACTIVITY[kind])).toBe(true);
    }
  });
});

describe("job activity (economy.md §3.1)", () => {
  it("anything the client does counts, a new proposal and an offer ending without a hire count; a freelancer's own moves do not", () => {
    const counted = JOB_ACTIVITY_KINDS.filter((kind) => countsAsJobActivity(kind));
    expect(counted).toEqual([
      "published", "edited", "invited", "proposal_viewed", "proposer_messaged", "proposal_shortlisted", "proposal_interviewed",
      "proposal_declined", "offer_sent", "proposal_received", "offer_declined", "offer_expired",
    ]);
    expect(JOB_ACTIVITY_KINDS.filter((kind) => !countsAsJobActivity(kind))).toEqual(["freelancer_messaged", "proposal_withdrawn", "invitation_declined"]);
    for (const kind of JOB_ACTIVITY_KINDS) if (JOB_ACTIVITIES[kind].by === "client") expect(countsAsJobActivity(kind)).toBe(true);
  });

  it("counts only on an open job", () => {
    for (const status of ["draft", "hired", "closed", "expired", "removed"] as const) expect(countsAsJobActivity("edited", status)).toBe(false);
    expect(countsAsJobActivity("edited", "open")).toBe(true);
  });

  it("says what counts in one sentence, from the table", () => {
    expect(jobActivityWords()).toBe(
      "publishing it, editing it, inviting a freelancer, opening a proposal, writing to a proposer, shortlisting, inviting to interview, declining a proposal, sending an offer, a new proposal, an offer being declined and an offer expiring unanswered",
    );
  });

  it("the date shown is the runner's: due from that instant, not a millisecond before; held while an offer waits", () => {
    const last = utc("2026-12-03T10:00:00Z");
    const shown = jobExpiryOutlook({ status: "open", lastActivityAt: last, offerWaiting: false });
    expect(shown).toEqual({ expiresAt: utc("2027-01-02T10:00:00Z"), held: null });
    expect(isJobExpiryDue({ status: "open", lastActivityAt: last }, new Date(shown.expiresAt!.getTime() - 1))).toBe(false);
    expect(isJobExpiryDue({ status: "open", lastActivityAt: last }, shown.expiresAt!)).toBe(true);
    expect(jobIdleCutoff(shown.expiresAt!)).toEqual(last);
    expect(jobExpiryOutlook({ status: "open", lastActivityAt: last, offerWaiting: true })).toEqual({ expiresAt: null, held: "offer_waiting" });
    expect(isJobExpiryDue({ status: "open", lastActivityAt: last, offerWaiting: true }, utc("2027-06-01"))).toBe(false);
    expect(jobExpiryOutlook({ status: "hired", lastActivityAt: last, offerWaiting: false })).toEqual({ expiresAt: null, held: "not_open" });
    expect(jobExpiryOutlook({ status: "open", lastActivityAt: last, offerWaiting: false }, { jobExpiryDays: 10 }).expiresAt).toEqual(utc("2026-12-13T10:00:00Z"));
  });
});

const at = (minute: number) => new Date(utc("2026-12-01T09:00:00Z").getTime() + minute * 60_000);
const proposal = (id: string, minute: number, boostConnects = 0, status: RankedProposal["status"] = "SUBMITTED", boostRefunded = false): RankedProposal => ({
  id,
  status,
  boostConnects,
  boostRefunded,
  submittedAt: at(minute),
});

describe("the client's proposal list (economy.md §2.3)", () => {
  it("with more boosted proposals than slots: the top 4 bids first, then every other proposal oldest first", () => {
    const list = [
      proposal("plain-early", 0),
      proposal("b3", 1, 3),
      proposal("b10", 2, 10),
      proposal("b5-early", 3, 5),
      proposal("plain-late", 4),
      proposal("b5-late", 5, 5),
      proposal("b8", 6, 8),
      proposal("b7-withdrawn", 7, 7, "WITHDRAWN"),
      proposal("b9-refunded", 8, 9, "CLOSED", true),
      proposal("b2", 9, 2),
    ];
    const ranked = rankProposals(list);
    expect(ranked.map((p) => [p.id, p.topSlot])).toEqual([
      ["b10", true],
      ["b8", true],
      ["b5-early", true],
      ["b5-late", true],
      ["plain-early", false],
      ["b3", false],
      ["plain-late", false],
      ["b7-withdrawn", false],
      ["b9-refunded", false],
      ["b2", false],
    ]);
    expect(rankProposals(list, { boostSlots: 1 }).filter((p) => p.topSlot).map((p) => p.id)).toEqual(["b10"]);
    expect(rankingRule()).toBe("The 4 highest boosts are shown first (a higher bid first, the earlier one on a tie), then every other proposal oldest first.");
    expect(rankingRule({ boostSlots: 1 })).toBe("The highest boost is shown first (a higher bid first, the earlier one on a tie), then every other proposal oldest first.");
  });

  it("the top slots are exactly the bids the auction keeps as top_slot, for any bids", () => {
    const arbitrary = fc.array(
      fc.record({
        boost: fc.integer({ min: 0, max: 12 }),
        minute: fc.integer({ min: 0, max: 50 }),
        status: fc.constantFrom("SUBMITTED", "VIEWED", "WITHDRAWN", "DECLINED", "OFFERED", "CLOSED") as fc.Arbitrary<RankedProposal["status"]>,
      }),
      { maxLength: 14 },
    );
    fc.assert(
      fc.property(arbitrary, fc.integer({ min: 1, max: 6 }), (rows, slots) => {
        const list = rows.map((row, index) => proposal(`p${String(index).padStart(2, "0")}`, row.minute, row.boost, row.status));
        const ranked = rankProposals(list, { boostSlots: slots });
        const bids = list.flatMap((p) => {
          const bid = boostBidOf(p);
          return bid ? [{ ...bid, clientInteractedWhileBoosted: false }] : [];
        });
        const winners = settleBoostAuction(bids, { boostSlots: slots }).filter((s) => s.why === "top_slot").map((s) => s.proposalId);
        expect(ranked.filter((p) => p.topSlot).map((p) => p.id)).toEqual(winners);
        expect(ranked).toHaveLength(list.length);
        const rest = ranked.filter((p) => !p.topSlot);
        for (let i = 1; i < rest.length; i++) expect(rest[i - 1]!.submittedAt.getTime()).toBeLessThanOrEqual(rest[i]!.submittedAt.getTime());
      }),
      { numRuns: 300 },
    );
  });
});

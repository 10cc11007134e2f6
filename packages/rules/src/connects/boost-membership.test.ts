import { describe, expect, it } from "vitest";
import { expectViolation, utc } from "../test-utils";
import { boostAuctionClosesAt, rankBoostBids, settleBoostAuction, topBoostSlots } from "./boost";
import { applyRolloverCap, membershipCycleAt, membershipCycleBoundary, prorateMembership } from "./membership";
import { connectsRoi } from "./roi";
import { CONNECT_ENTRY_REASONS } from "./reasons";

const bid = (proposalId: string, boostConnects: number, at: string, clientInteractedWhileBoosted = false) => ({
  proposalId,
  boostConnects,
  boostedAt: utc(at),
  clientInteractedWhileBoosted,
});

describe("boost", () => {
  const bids = [
    bid("p1", 10, "2024-06-02"),
    bid("p2", 30, "2024-06-03"),
    bid("p3", 10, "2024-06-01"), // ties p1, earlier
    bid("p4", 0, "2024-06-01"), // not boosted
    bid("p5", 5, "2024-06-01", true),
    bid("p6", 8, "2024-06-04"),
    bid("p7", 2, "2024-06-04"),
    bid("p8", 10, "2024-06-01"), // ties p3 exactly: id decides
  ];

  it("ranks by bid, then earlier bid, then id", () => {
    expect(rankBoostBids(bids).map((b) => b.proposalId)).toEqual(["p2", "p3", "p8", "p1", "p6", "p5", "p7"]);
    expect(topBoostSlots(bids).map((b) => b.proposalId)).toEqual(["p2", "p3", "p8", "p1"]);
    expect(topBoostSlots(bids, { boostSlots: 1 }).map((b) => b.proposalId)).toEqual(["p2"]);
    const twins = [bid("p9", 1, "2024-06-01"), bid("p9", 1, "2024-06-01")];
    expect(rankBoostBids(twins)).toHaveLength(2);
  });

  it("keeps top slots and bids the client interacted with, refunds the rest", () => {
    expect(settleBoostAuction(bids).map((s) => [s.proposalId, s.outcome, s.why])).toEqual([
      ["p2", "kept", "top_slot"],
      ["p3", "kept", "top_slot"],
      ["p8", "kept", "top_slot"],
      ["p1", "kept", "top_slot"],
      ["p6", "refunded", "outbid"],
      ["p5", "kept", "client_interacted"],
      ["p7", "refunded", "outbid"],
    ]);
  });

  it("closes the auction 7 days after posting or at the first hire", () => {
    const postedAt = utc("2024-06-01T09:00:00Z");
    expect(boostAuctionClosesAt({ postedAt })).toEqual(utc("2024-06-08T09:00:00Z"));
    expect(boostAuctionClosesAt({ postedAt, firstHireAt: utc("2024-06-03") })).toEqual(utc("2024-06-03"));
    expect(boostAuctionClosesAt({ postedAt, firstHireAt: utc("2024-06-20") })).toEqual(utc("2024-06-08T09:00:00Z"));
    expect(boostAuctionClosesAt({ postedAt, firstHireAt: null, settings: { boostAuctionDays: 1 } })).toEqual(utc("2024-06-02T09:00:00Z"));
  });
});

describe("membership", () => {
  const anchor = utc("2024-01-31T10:00:00Z");

  it("anchors cycles to the upgrade date with end-of-month clamping", () => {
    expect(membershipCycleAt(anchor, utc("2024-01-31T10:00:00Z"))).toEqual({ index: 0, startsAt: anchor, endsAt: utc("2024-02-29T10:00:00Z") });
    expect(membershipCycleAt(anchor, utc("2024-02-29T09:59:59Z")).index).toBe(0);
    expect(membershipCycleAt(anchor, utc("2024-02-29T10:00:00Z"))).toEqual({
      index: 1,
      startsAt: utc("2024-02-29T10:00:00Z"),
      endsAt: utc("2024-03-31T10:00:00Z"),
    });
    expect(membershipCycleAt(anchor, utc("2024-04-30T10:00:00Z")).startsAt).toEqual(utc("2024-04-30T10:00:00Z"));
    expect(membershipCycleAt(anchor, utc("2025-01-31T09:00:00Z")).index).toBe(11);
    expectViolation(() => membershipCycleAt(anchor, utc("2024-01-01")), "INVALID_DATE");
  });

  it("prorates price and connects by remaining days, a started day counting whole", () => {
    const cycle = { startsAt: utc("2024-06-01"), endsAt: utc("2024-07-01") }; // 30 days
    expect(prorateMembership({ cycle, at: utc("2024-06-01") })).toEqual({ remainingDays: 30, cycleDays: 30, priceMinor: 1499n, connects: 70 });
    expect(prorateMembership({ cycle, at: utc("2024-06-16") })).toEqual({ remainingDays: 15, cycleDays: 30, priceMinor: 750n, connects: 35 }); // 749.5 → 750
    expect(prorateMembership({ cycle, at: utc("2024-06-30T23:00:00Z") })).toEqual({ remainingDays: 1, cycleDays: 30, priceMinor: 50n, connects: 2 }); // 49.97, 2.33
    expectViolation(() => prorateMembership({ cycle, at: utc("2024-07-01") }), "INVALID_DATE");
    expectViolation(() => prorateMembership({ cycle, at: utc("2024-05-31") }), "INVALID_DATE");
  });

  const now = utc("2024-06-01");
  const lots = [
    { id: "old", expiresAt: utc("2024-05-01"), remaining: 9 },
    { id: "soon", expiresAt: utc("2024-07-01"), remaining: 100 },
    { id: "later", expiresAt: utc("2025-03-01"), remaining: 60 },
  ];

  it("caps the rollover at 140, expiring the surplus from the lots expiring first", () => {
    expect(applyRolloverCap(lots, now, 140)).toEqual([{ lotId: "soon", connects: 20, reason: "rollover_cap" }]);
    expect(applyRolloverCap(lots, now, 200)).toEqual([]);
    expect(applyRolloverCap(lots, now, null)).toEqual([]);
    expect(applyRolloverCap(lots, now, 0)).toEqual([
      { lotId: "soon", connects: 100, reason: "rollover_cap" },
      { lotId: "later", connects: 60, reason: "rollover_cap" },
    ]);
  });

  it("expires, caps, then grants at a cycle boundary", () => {
    expect(membershipCycleBoundary({ lots, now })).toEqual({
      expirations: [
        { lotId: "old", connects: 9, reason: "lot_expired" },
        { lotId: "soon", connects: 20, reason: "rollover_cap" },
      ],
      grant: { connects: 70, expiresAt: utc("2025-06-01") },
    });
  });
});

describe("connects ROI and reasons", () => {
  it("prices the funnel in money", () => {
    expect(connectsRoi({ connectsSpent: 100, proposals: 20, viewed: 12, interviews: 3, hires: 0 }, 15n)).toEqual({
      connectsSpent: 100,
      proposals: 20,
      viewed: 12,
      interviews: 3,
      hires: 0,
      spentMinor: 1500n,
      costPerViewMinor: 125n,
      costPerInterviewMinor: 500n,
      costPerHireMinor: null,
    });
  });

  it("explains every connects entry in plain words", () => {
    for (const label of Object.values(CONNECT_ENTRY_REASONS)) expect(label.length).toBeGreaterThan(0);
  });
});

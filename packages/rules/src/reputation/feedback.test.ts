import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../time";
import { expectViolation, utc } from "../test-utils";
import {
  FACET_LABELS,
  FEEDBACK_FACETS,
  FEEDBACK_TEXT,
  assertFeedbackEligible,
  assertFeedbackPermission,
  assertFeedbackRatings,
  averageStars,
  canEditFeedback,
  canHideFeedback,
  canReply,
  feedbackClosesAt,
  feedbackEligibility,
  feedbackRatingsProblems,
  feedbackViewFor,
  feedbackVisibility,
  ratedSide,
  starsProblem,
  type FeedbackViewer,
} from "./feedback";

const endedAt = utc("2026-11-19T10:00:00Z");
const eligible = { contractStatus: "ended" as const, endedAt, movedMoney: true, now: utc("2026-11-20"), windowDays: 14, alreadyLeft: false };

describe("what each side rates (economy.md §10.2)", () => {
  it("has the client rate five facets of the freelancer and the freelancer three of the client, each with a label", () => {
    expect(FEEDBACK_FACETS.CLIENT).toEqual(["skills", "quality", "communication", "deadlines", "cooperation"]);
    expect(FEEDBACK_FACETS.FREELANCER).toEqual(["clarity", "payment", "communication"]);
    for (const facet of [...FEEDBACK_FACETS.CLIENT, ...FEEDBACK_FACETS.FREELANCER]) expect(FACET_LABELS[facet].length).toBeGreaterThan(0);
    expect(ratedSide("CLIENT")).toBe("FREELANCER");
    expect(ratedSide("FREELANCER")).toBe("CLIENT");
  });

  it("takes whole stars from 1 to 5", () => {
    for (const stars of [1, 2, 3, 4, 5]) expect(starsProblem(stars)).toBeUndefined();
    for (const wrong of [0, 6, 4.5, Number.NaN, "5", null, undefined]) expect(starsProblem(wrong)).toBe("Give 1 to 5 whole stars overall.");
    expect(starsProblem(0, FACET_LABELS.quality)).toBe("Rate quality of work with 1 to 5 whole stars.");
  });

  it("names every wrong or missing star, and a facet the side does not rate", () => {
    const good = { overall: 5, facets: { clarity: 4, payment: 5, communication: 3 } };
    expect(feedbackRatingsProblems("FREELANCER", good)).toEqual([]);
    expect(feedbackRatingsProblems("FREELANCER", { overall: 0, facets: { clarity: 4, payment: 6, skills: 5 } })).toEqual([
      { field: "overall", sentence: "Give 1 to 5 whole stars overall." },
      { field: "facets.payment", sentence: "Rate prompt payment with 1 to 5 whole stars." },
      { field: "facets.communication", sentence: "Rate communication with 1 to 5 whole stars." },
      { field: "facets", sentence: 'A freelancer rates clear requirements, prompt payment and communication; "skills" is not one of them.' },
    ]);
    expect(feedbackRatingsProblems("CLIENT", { overall: 4, facets: { skills: 4, quality: 4, communication: 4, deadlines: 4, cooperation: 4, payment: 1 } })).toEqual([
      { field: "facets", sentence: 'A client rates skills, quality of work, communication, meeting deadlines and cooperation; "payment" is not one of them.' },
    ]);
    expect(() => assertFeedbackRatings("FREELANCER", good)).not.toThrow();
    expectViolation(() => assertFeedbackRatings("CLIENT", good), "FEEDBACK_RATING_INVALID");
  });
});

describe("feedbackEligibility (economy.md §10.2)", () => {
  it("opens when the contract ends, for the window's days, once per side", () => {
    expect(feedbackEligibility(eligible)).toEqual({ ok: true, closesAt: utc("2026-12-03T10:00:00Z") });
    expect(feedbackClosesAt(endedAt, 14)).toEqual(utc("2026-12-03T10:00:00Z"));
    expect(feedbackEligibility({ ...eligible, now: endedAt }).ok).toBe(true);
    expect(feedbackEligibility({ ...eligible, now: utc("2026-12-03T09:59:59.999Z") }).ok).toBe(true);
  });

  it("says why, in a sentence, when feedback cannot be left", () => {
    expect(feedbackEligibility({ ...eligible, contractStatus: "active", endedAt: null })).toEqual({ ok: false, reason: "Feedback can be left only after the contract ends." });
    expect(feedbackEligibility({ ...eligible, contractStatus: "declined" })).toEqual({ ok: false, reason: FEEDBACK_TEXT.notEnded });
    expect(feedbackEligibility({ ...eligible, endedAt: null })).toEqual({ ok: false, reason: FEEDBACK_TEXT.notEnded });
    expect(feedbackEligibility({ ...eligible, movedMoney: false })).toEqual({ ok: false, reason: "Only contracts that paid the freelancer can get feedback." });
    expect(feedbackEligibility({ ...eligible, alreadyLeft: true })).toEqual({ ok: false, reason: FEEDBACK_TEXT.alreadyLeft });
    expect(feedbackEligibility({ ...eligible, now: utc("2026-12-03T10:00:00Z") })).toEqual({
      ok: false,
      reason: "The 14-day feedback window closed on 2026-12-03 at 10:00 UTC.",
    });
  });

  it("throws the sentence for a service", () => {
    expect(assertFeedbackEligible(eligible)).toEqual(utc("2026-12-03T10:00:00Z"));
    expectViolation(() => assertFeedbackEligible({ ...eligible, movedMoney: false }), "FEEDBACK_NOT_ALLOWED");
    expectViolation(() => feedbackClosesAt(new Date(Number.NaN), 14), "INVALID_DATE");
  });
});

describe("feedbackVisibility: double-blind (economy.md §10.3)", () => {
  const closesAt = utc("2026-12-03T10:00:00Z");
  const at = (now: string, client: string | null, freelancer: string | null) =>
    feedbackVisibility({ endedAt, windowDays: 14, now: utc(now), clientSubmittedAt: client ? utc(client) : null, freelancerSubmittedAt: freelancer ? utc(freelancer) : null });

  it("stays hidden while only one side has left feedback and the window is open", () => {
    expect(at("2026-11-25", "2026-11-20", null)).toEqual({ revealed: false, revealedAt: null, revealsAt: closesAt, closesAt });
    expect(at("2026-11-25", null, null)).toEqual({ revealed: false, revealedAt: null, revealsAt: closesAt, closesAt });
  });

  it("reveals at the later of the two submissions", () => {
    expect(at("2026-11-25", "2026-11-20", "2026-11-22")).toEqual({ revealed: true, revealedAt: utc("2026-11-22"), revealsAt: utc("2026-11-22"), closesAt });
    expect(at("2026-11-25", "2026-11-24", "2026-11-22").revealedAt).toEqual(utc("2026-11-24"));
  });

  it("reveals what was left when the window closes", () => {
    expect(at("2026-12-03T10:00:00Z", "2026-11-20", null)).toEqual({ revealed: true, revealedAt: closesAt, revealsAt: closesAt, closesAt });
    expect(at("2026-12-10", null, null).revealedAt).toEqual(closesAt);
    // A submission recorded after the close does not move the reveal later.
    expect(at("2026-12-10", "2026-11-20", "2026-12-05").revealedAt).toEqual(closesAt);
  });

  it("never reveals before both have left feedback or the window closes, and never after the close (property)", () => {
    const day = fc.integer({ min: 0, max: 40 });
    fc.assert(
      fc.property(day, fc.option(day), fc.option(day), fc.integer({ min: 1, max: 30 }), (nowDay, clientDay, freelancerDay, windowDays) => {
        const v = feedbackVisibility({
          endedAt,
          windowDays,
          now: addDays(endedAt, nowDay),
          clientSubmittedAt: clientDay === null ? null : addDays(endedAt, clientDay),
          freelancerSubmittedAt: freelancerDay === null ? null : addDays(endedAt, freelancerDay),
        });
        const both = clientDay !== null && freelancerDay !== null && Math.max(clientDay, freelancerDay) <= nowDay;
        expect(v.revealed).toBe(both || nowDay >= windowDays);
        expect(v.revealsAt.getTime()).toBeLessThanOrEqual(v.closesAt.getTime());
        expect(v.revealedAt === null).toBe(!v.revealed);
      }),
    );
  });
});

describe("who sees what (economy.md §10.3–10.5)", () => {
  const view = (viewer: FeedbackViewer, revealed: boolean, hidden = false) => feedbackViewFor({ viewer, revealed, hidden });
  const nothing = { ratings: false, privateNote: false, reply: false, hiddenNotice: false };

  it("shows unrevealed feedback to its author only", () => {
    expect(view("AUTHOR", false)).toEqual({ ratings: true, privateNote: true, reply: false, hiddenNotice: false });
    expect(view("RATED", false)).toEqual(nothing);
    expect(view("OTHER", false)).toEqual(nothing);
    expect(view("ADMIN", false)).toEqual(nothing);
  });

  it("shows revealed feedback to everyone, the private note to its author and admins only", () => {
    expect(view("RATED", true)).toEqual({ ratings: true, privateNote: false, reply: true, hiddenNotice: false });
    expect(view("OTHER", true)).toEqual({ ratings: true, privateNote: false, reply: true, hiddenNotice: false });
    expect(view("ADMIN", true)).toEqual({ ratings: true, privateNote: true, reply: true, hiddenNotice: false });
    expect(view("AUTHOR", true)).toEqual({ ratings: true, privateNote: true, reply: true, hiddenNotice: false });
  });

  it("takes hidden feedback away from everyone but the two people and admins, who see why", () => {
    expect(view("OTHER", true, true)).toEqual(nothing);
    expect(view("RATED", true, true)).toEqual({ ratings: true, privateNote: false, reply: true, hiddenNotice: true });
    expect(view("AUTHOR", true, true)).toEqual({ ratings: true, privateNote: true, reply: true, hiddenNotice: true });
    expect(view("ADMIN", true, true)).toEqual({ ratings: true, privateNote: true, reply: true, hiddenNotice: true });
  });
});

describe("editing, replying, hiding (economy.md §10.4–10.5)", () => {
  const open = { revealed: false, revealedAt: null };
  const revealed = { revealed: true, revealedAt: utc("2026-11-22T08:30:00Z") };

  it("lets the author edit until the reveal, never after", () => {
    expect(canEditFeedback({ isAuthor: true, visibility: open })).toEqual({ ok: true });
    expect(canEditFeedback({ isAuthor: false, visibility: open })).toEqual({ ok: false, reason: "Only the person who wrote this feedback can change it." });
    expect(canEditFeedback({ isAuthor: true, visibility: revealed })).toEqual({
      ok: false,
      reason: "Feedback can be changed only until it is revealed; this one was revealed on 2026-11-22 at 08:30 UTC.",
    });
  });

  it("lets the rated person reply once, after the reveal, to feedback that is not hidden", () => {
    const reply = { isRated: true, visibility: revealed, hidden: false, alreadyReplied: false };
    expect(canReply(reply)).toEqual({ ok: true });
    expect(canReply({ ...reply, isRated: false })).toEqual({ ok: false, reason: FEEDBACK_TEXT.notRated });
    expect(canReply({ ...reply, visibility: open })).toEqual({ ok: false, reason: FEEDBACK_TEXT.replyBeforeReveal });
    expect(canReply({ ...reply, hidden: true })).toEqual({ ok: false, reason: FEEDBACK_TEXT.hiddenNoReply });
    expect(canReply({ ...reply, alreadyReplied: true })).toEqual({ ok: false, reason: "You have already replied to this feedback; each feedback gets one reply." });
  });

  it("lets an admin hide revealed feedback once", () => {
    expect(canHideFeedback({ visibility: revealed, hidden: false })).toEqual({ ok: true });
    expect(canHideFeedback({ visibility: open, hidden: false })).toEqual({ ok: false, reason: FEEDBACK_TEXT.hideBeforeReveal });
    expect(canHideFeedback({ visibility: revealed, hidden: true })).toEqual({ ok: false, reason: FEEDBACK_TEXT.alreadyHidden });
  });

  it("throws a refusal's sentence for a service", () => {
    expect(() => assertFeedbackPermission({ ok: true }, "FEEDBACK_NOT_EDITABLE")).not.toThrow();
    expectViolation(() => assertFeedbackPermission(canEditFeedback({ isAuthor: true, visibility: revealed }), "FEEDBACK_NOT_EDITABLE"), "FEEDBACK_NOT_EDITABLE");
    expect(() => assertFeedbackPermission(canReply({ isRated: false, visibility: revealed, hidden: false, alreadyReplied: false }), "FEEDBACK_REPLY_NOT_ALLOWED")).toThrow(
      FEEDBACK_TEXT.notRated,
    );
  });
});

describe("averageStars", () => {
  it("shows one decimal, rounded half up, and the count", () => {
    expect(averageStars([5, 4])).toEqual({ count: 2, total: 9, tenths: 45, display: "4.5", fromText: "from 2 reviews" });
    expect(averageStars([5, 5, 4]).display).toBe("4.7"); // 14/3 = 4.666…
    expect(averageStars([5, 4, 4]).display).toBe("4.3"); // 13/3 = 4.333…
    expect(averageStars([5])).toEqual({ count: 1, total: 5, tenths: 50, display: "5.0", fromText: "from 1 review" });
    // 93/20 = 4.65 exactly: the half goes up.
    expect(averageStars([...Array<number>(13).fill(5), ...Array<number>(7).fill(4)]).display).toBe("4.7");
    expect(averageStars([])).toEqual({ count: 0, total: 0, tenths: null, display: null, fromText: "No reviews yet" });
    expect(averageStars(Array<number>(1_200).fill(3)).fromText).toBe("from 1,200 reviews");
  });

  it("refuses a rating that is not whole stars", () => {
    expectViolation(() => averageStars([5, 4.5]), "FEEDBACK_RATING_INVALID");
    expectViolation(() => averageStars([0]), "FEEDBACK_RATING_INVALID");
  });

  it("is the exact average rounded half up to a tenth, between 1.0 and 5.0 (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 200 }), (ratings) => {
        const { tenths, total, count, display } = averageStars(ratings);
        // |tenths/10 − total/count| ≤ 1/20, and an exact half went up: 20·count·tenths − 200·total ∈ (−10·count, 10·count]
        const gap = 2 * count * tenths! - 20 * total;
        expect(gap).toBeGreaterThan(-count);
        expect(gap).toBeLessThanOrEqual(count);
        expect(tenths).toBeGreaterThanOrEqual(10);
        expect(tenths).toBeLessThanOrEqual(50);
        expect(display).toMatch(/^[1-5]\.\d$/);
      }),
    );
  });
});

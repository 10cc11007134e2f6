import { FACET_LABELS, FEEDBACK_FACETS, TEXT_RULES, starsProblem, type FeedbackFacet, type FeedbackSide } from "@fairlance/rules";
import { problemsOf, readText, type Parsed, type Read, type ServerFields } from "@/features/shared/form";

/**
 * The feedback form (economy.md §10.2): overall stars and the stars of each facet of the author's
 * side, a public comment and an optional private note. The radios hold "1" to "5" ("" until one is
 * chosen); the rules' starsProblem and TEXT_RULES say what is wrong, in the service's words.
 */
export interface FeedbackFormValues {
  overall: string;
  facets: Partial<Record<FeedbackFacet, string>>;
  comment: string;
  privateNote: string;
}

/** What feedback.leave and feedback.edit take besides their ids and idempotency key. */
export interface FeedbackInput {
  overall: number;
  facets: Partial<Record<FeedbackFacet, number>>;
  comment: string;
  privateNote?: string;
}

/** The form as it starts: empty, or the author's feedback again (to change it before the reveal). */
export function feedbackFormValues(
  side: FeedbackSide,
  from?: { overall: number; facets: { facet: string; stars: number }[]; comment: string; privateNote: string | null } | null,
): FeedbackFormValues {
  const stars = new Map(from?.facets.map((f) => [f.facet, f.stars]));
  return {
    overall: from ? String(from.overall) : "",
    facets: Object.fromEntries(FEEDBACK_FACETS[side].map((facet) => [facet, stars.has(facet) ? String(stars.get(facet)) : ""])),
    comment: from?.comment ?? "",
    privateNote: from?.privateNote ?? "",
  };
}

/** Stars chosen on a radio group, or the rules' sentence ("Give 1 to 5 whole stars overall."). */
function readStars(text: string | undefined, facetLabel?: string): Read<number> {
  const value = text ? Number(text) : Number.NaN;
  const problem = starsProblem(value, facetLabel);
  return problem ? { ok: false, error: problem } : { ok: true, value };
}

/** The form's values as the procedure's input, or every problem beside its field. */
export const parseFeedbackForm =
  (side: FeedbackSide) =>
  (values: FeedbackFormValues): Parsed<FeedbackFormValues, FeedbackInput> => {
    const check = problemsOf<FeedbackFormValues>();
    const overall = check.take("overall", readStars(values.overall));
    const facets: Partial<Record<FeedbackFacet, number>> = {};
    for (const facet of FEEDBACK_FACETS[side]) {
      const stars = check.take(`facets.${facet}`, readStars(values.facets[facet], FACET_LABELS[facet]));
      if (stars !== undefined) facets[facet] = stars;
    }
    const comment = check.take("comment", readText(values.comment, TEXT_RULES.feedbackComment));
    const privateNote = check.take("privateNote", readText(values.privateNote, TEXT_RULES.feedbackPrivateNote));
    return check.done(() => ({ overall: overall!, facets, comment: comment!, ...(privateNote ? { privateNote } : {}) }));
  };

/** Where the server's refusals go: each field of the input (the scam shield names "comment"), each facet's stars. */
export const FEEDBACK_SERVER_FIELDS: ServerFields<FeedbackFormValues> = {
  fields: {
    overall: "overall",
    comment: "comment",
    privateNote: "privateNote",
    ...Object.fromEntries([...new Set([...FEEDBACK_FACETS.CLIENT, ...FEEDBACK_FACETS.FREELANCER])].map((facet) => [`facets.${facet}`, `facets.${facet}`])),
  },
};

/** "4 out of 5", for stars chosen or shown (never stars alone: a screen reader and a glance read the same). */
export const starsText = (stars: number | string) => `${stars} out of 5`;

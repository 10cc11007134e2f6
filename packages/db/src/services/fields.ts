import { FIELD_TEXT, MAX_AMOUNT_MINOR } from "@fairlance/rules";
import { z } from "zod";

/**
 * Field schemas the operations' inputs share, each refusal written once (the sentences live in
 * @fairlance/rules' FIELD_TEXT, so the rules' guards and the browser forms say the same).
 */

/** An amount of money a person types, in cents: more than $0, at most MAX_AMOUNT_MINOR. `name` finishes the sentences ("bonus"). */
export const Amount = (name: string) =>
  z.bigint(FIELD_TEXT.amountInCents(name)).positive(FIELD_TEXT.amountNotPositive(name)).max(MAX_AMOUNT_MINOR, FIELD_TEXT.amountTooLarge(name));

/** Free text a person may leave out (a note, a reason for declining); blank is read as empty. */
export const Note = (max: number) => z.string().trim().max(max, FIELD_TEXT.textTooLong(max)).optional();

/** Free text a person must write; `ask` is the sentence that asks for it when it is missing. */
export const RequiredText = (ask: string, max: number) => z.string().trim().min(1, ask).max(max, FIELD_TEXT.textTooLong(max));

export const MILESTONE_TITLE_MAX = 200;
/** A milestone's title. */
export const MilestoneTitle = z.string().trim().min(1, FIELD_TEXT.milestoneTitleMissing).max(MILESTONE_TITLE_MAX, FIELD_TEXT.milestoneTitleTooLong(MILESTONE_TITLE_MAX));

/** The payout method a withdrawal (manual or automatic) goes to. */
export const PayoutMethodId = z.uuid("Choose a payout method.");

/** A milestone as the client writes it: title and amount. */
export const MilestoneDraft = z.strictObject({ title: MilestoneTitle, amountMinor: Amount("milestone amount") });

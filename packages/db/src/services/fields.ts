import { FIELD_TEXT, MAX_AMOUNT_MINOR, SETTING_KEYS, type SettingKey } from "@fairlance/rules";
import { z } from "zod";
import { DomainError } from "../errors";

/**
 * Field schemas more than one input uses, each refusal written once here (the services' inputs and
 * the web app's read inputs both take them from `@fairlance/db/services`). Sentences that the rules'
 * own guards or the browser forms also say live in @fairlance/rules' FIELD_TEXT.
 */

/** An amount of money a person types, in cents: more than $0, at most MAX_AMOUNT_MINOR. `name` finishes the sentences ("bonus"). */
export const Amount = (name: string) =>
  z.bigint(FIELD_TEXT.amountInCents(name)).positive(FIELD_TEXT.amountNotPositive(name)).max(MAX_AMOUNT_MINOR, FIELD_TEXT.amountTooLarge(name));

/** A freelancer's bid in cents (fixed price: the amount; hourly: the rate), before its lower bound. */
export const Bid = z.bigint("Enter your bid in cents.").max(MAX_AMOUNT_MINOR, "Your bid is too large.");

/** How long a job lasts, in days. */
export const DurationDays = z.int("Give the duration in whole days.").min(1, "A job lasts at least 1 day.").max(3_650, "A job lasts at most 10 years.");

/** Free text a person may leave out (a note, a reason for declining); blank is read as empty. */
export const Note = (max: number) => z.string().trim().max(max, FIELD_TEXT.textTooLong(max)).optional();

/** Free text a person must write; `ask` is the sentence that asks for it when it is missing. */
export const RequiredText = (ask: string, max: number) => z.string().trim().min(1, ask).max(max, FIELD_TEXT.textTooLong(max));

/**
 * Why an admin acts, for the audit log: `prompt` says what to write (and is the refusal when it is
 * shorter than `min`); past `max` the refusal is "Keep the {noun} under {max} characters."
 */
export const Reason = (prompt: string, { min, max, noun = "reason" }: { min: number; max: number; noun?: string }) =>
  z.string().trim().min(min, prompt).max(max, `Keep the ${noun} under ${max.toLocaleString("en-US")} characters.`);

export const MILESTONE_TITLE_MAX = 200;
/** A milestone's title. */
export const MilestoneTitle = z.string().trim().min(1, FIELD_TEXT.milestoneTitleMissing).max(MILESTONE_TITLE_MAX, FIELD_TEXT.milestoneTitleTooLong(MILESTONE_TITLE_MAX));

/** A milestone as the client writes it: title and amount. */
export const MilestoneDraft = z.strictObject({ title: MilestoneTitle, amountMinor: Amount("milestone amount") });

/** The person an admin picks. */
export const ChosenPerson = z.uuid("Choose a person.");

/** The refusal when the person an admin picked does not exist. */
export const noSuchPerson = () => new DomainError("NOT_FOUND", "There is no such person.");

/** The freelancer an admin picks. */
export const ChosenFreelancer = z.uuid("Choose a freelancer.");

/** One of the person's cards. */
export const ChosenCard = z.uuid("Choose a card.");

/** The payout method a withdrawal (manual or automatic) goes to. */
export const PayoutMethodId = z.uuid("Choose a payout method.");

/** One of the [admin] settings. */
export const ChosenSetting = z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]], "Choose a setting.");

/** Links a person adds to a statement (evidence): up to five http(s) addresses. */
export const Links = z
  .array(
    z
      .string()
      .trim()
      .max(500, "Keep each link under 500 characters.")
      .refine((text) => URL.canParse(text) && ["http:", "https:"].includes(new URL(text).protocol), "A link must be a web address starting with http:// or https://."),
    "Send the links as a list.",
  )
  .max(5, "Add at most 5 links.")
  .default([]);

/** What a party (or the mediator) says in a dispute. */
export const Statement = RequiredText("Write what happened, as you see it.", 5_000);

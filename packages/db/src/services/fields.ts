import { EMAIL_RULE, FIELD_TEXT, LINKS_RULE, MAX_AMOUNT_MINOR, SETTING_KEYS, SKILLS_RULE, TEXT_RULES, WHOLE_RULES, isWebLink, optionalText, requiredText, type SettingKey, type TextRule, type WholeRule } from "@fairlance/rules";
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

/**
 * Text within one of the rules' limits (`TEXT_RULES` in @fairlance/rules, which the browser forms
 * check too): trimmed unless the rule keeps spaces, then at least `min` and at most `max` characters.
 */
export const Text = (rule: TextRule) => {
  const text = rule.keepSpaces ? z.string() : z.string().trim();
  return (rule.min > 0 ? text.min(rule.min, rule.missing) : text).max(rule.max, rule.tooLong);
};

/** A whole number within one of the rules' limits (`WHOLE_RULES`). */
export const WholeNumber = (rule: WholeRule) => z.int(rule.notWhole).min(rule.min, rule.tooSmall).max(rule.max, rule.tooLarge);

/** How long a job lasts, in days. */
export const DurationDays = WholeNumber(WHOLE_RULES.durationDays);

/** Free text a person may leave out (a note, a reason for declining); blank is read as empty. */
export const Note = (max: number) => Text(optionalText(max)).optional();

/** Free text a person must write; `ask` is the sentence that asks for it when it is missing. */
export const RequiredText = (ask: string, max: number) => Text(requiredText(ask, max));


export const MILESTONE_TITLE_MAX = TEXT_RULES.milestoneTitle.max;
/** Skills, as a job asks for them and a freelancer's profile lists them: the rules' SKILLS_RULE. */
export const Skills = z
  .array(z.string().trim().min(1, SKILLS_RULE.empty).max(SKILLS_RULE.eachMax, SKILLS_RULE.tooLong), "Send the skills as a list.")
  .min(SKILLS_RULE.min, SKILLS_RULE.missing)
  .max(SKILLS_RULE.max, SKILLS_RULE.tooMany);

/** A web address a person gives (a portfolio item's link): http(s), as the rules' LINKS_RULE reads one link. */
export const WebLink = z.string().trim().max(LINKS_RULE.eachMax, LINKS_RULE.tooLong).refine(isWebLink, LINKS_RULE.notWeb);

/** A milestone's title. */
export const MilestoneTitle = Text(TEXT_RULES.milestoneTitle);

/** A milestone as the client writes it: title and amount. */
export const MilestoneDraft = z.strictObject({ title: MilestoneTitle, amountMinor: Amount("milestone amount") });

/** An email address a person types (sign-up, a forgotten password, a new email): trimmed and lower-cased. */
export const EmailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: EMAIL_RULE.invalid }).max(EMAIL_RULE.max, EMAIL_RULE.invalid));

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
  .array(WebLink, "Send the links as a list.")
  .max(LINKS_RULE.max, LINKS_RULE.tooMany)
  .default([]);

/** What a party (or the mediator) says in a dispute. */
export const Statement = Text(TEXT_RULES.statement);

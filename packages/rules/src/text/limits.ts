import { FIELD_TEXT } from "./fields";

/**
 * The limits of what a person types, each with the sentences that refuse it, written once: the
 * services' input schemas (@fairlance/db's services/fields.ts turns a rule into zod) and the
 * browser forms (apps/web/features/shared/form.ts checks the same rule, and counts characters up
 * to its `max`) read the same numbers, so a form refuses before sending exactly what the server
 * would refuse, with the same words.
 */

/** Free text: its length after trimming (unless `keepSpaces`), in UTF-16 units as zod and `String.length` count. */
export interface TextRule {
  readonly min: number;
  readonly max: number;
  /** Said when the text is shorter than `min` (or empty); unused when `min` is 0. */
  readonly missing: string;
  readonly tooLong: string;
  /** Passwords are taken as typed: spaces count. */
  readonly keepSpaces?: boolean;
}

/** Text a person must write: `missing` asks for it. */
export const requiredText = (missing: string, max: number): TextRule => ({ min: 1, max, missing, tooLong: FIELD_TEXT.textTooLong(max) });

/** Text a person may leave out (a note); blank is read as empty. */
export const optionalText = (max: number): TextRule => ({ min: 0, max, missing: "", tooLong: FIELD_TEXT.textTooLong(max) });

/** Why an admin acts: `prompt` says what to write and is the refusal below `min`. */
export const reasonText = (prompt: string, { min, max, noun = "reason" }: { min: number; max: number; noun?: string }): TextRule => ({
  min,
  max,
  missing: prompt,
  tooLong: `Keep the ${noun} under ${max.toLocaleString("en-US")} characters.`,
});

export const PASSWORD_LENGTH = { min: 10, max: 200 } as const;
const passwordTooLong = `Passwords are at most ${PASSWORD_LENGTH.max} characters.`;

/** The text fields the forms and the services share. */
export const TEXT_RULES = {
  jobTitle: { min: 5, max: 120, missing: "Give the job a title of at least 5 characters.", tooLong: "Keep the title under 120 characters." },
  jobDescription: { min: 20, max: 10_000, missing: "Describe the job in at least 20 characters.", tooLong: "Keep the description under 10,000 characters." },
  coverLetter: { min: 20, max: 5_000, missing: "Write a cover letter of at least 20 characters.", tooLong: "Keep the cover letter under 5,000 characters." },
  message: { min: 1, max: 5_000, missing: "Write a message.", tooLong: "Keep messages under 5,000 characters." },
  milestoneTitle: { min: 1, max: 200, missing: FIELD_TEXT.milestoneTitleMissing, tooLong: FIELD_TEXT.milestoneTitleTooLong(200) },
  offerTitle: requiredText("Give the contract a title.", 200),
  logMemo: requiredText("Say what you worked on.", 500),
  workNote: optionalText(5_000),
  invitation: { min: 1, max: 2_000, missing: "Write a short invitation.", tooLong: "Keep the invitation under 2,000 characters." },
  changeRequest: requiredText("Say what should change.", 5_000),
  refundReason: requiredText("Say why you want the escrow back.", 2_000),
  weekDisputeReason: requiredText("Say what is wrong with the invoiced hours.", 2_000),
  endReason: requiredText("Say why the contract ends.", 500),
  declineReason: optionalText(500),
  disputeReason: requiredText("Say in a line what the dispute is about.", 200),
  statement: requiredText("Write what happened, as you see it.", 5_000),
  decisionReason: requiredText("Write the reason for the decision; both sides see it.", 2_000),
  payoutAccount: { min: 4, max: 64, missing: "Enter the full account.", tooLong: "That account is too long." },
  payoutLabel: requiredText("Give the method a name you will recognise.", 60),
  verificationCode: { min: 1, max: 20, missing: "Enter the verification code.", tooLong: "That code is too long." },
  cardNumber: { min: 12, max: 23, missing: "Enter the whole card number.", tooLong: "That card number is too long." },
  cardCvc: { min: 3, max: 4, missing: "The security code has 3 or 4 digits.", tooLong: "The security code has 3 or 4 digits." },
  personName: { min: 1, max: 100, missing: "Enter your name.", tooLong: "Names are at most 100 characters." },
  adminName: { min: 1, max: 100, missing: "Enter the new admin's name.", tooLong: "Names are at most 100 characters." },
  adminReason: reasonText("Say why this person becomes an admin (at least 5 characters).", { min: 5, max: 500 }),
  risingTalentReason: reasonText("Say why the badge is awarded.", { min: 3, max: 500 }),
  grantConnectsReason: reasonText("Give a reason; the freelancer sees it in their history.", { min: 3, max: 500 }),
  suspendReason: reasonText("Say why (at least 5 characters); the person sees it.", { min: 5, max: 500 }),
  removeJobReason: reasonText("Say why the job is removed (at least 5 characters).", { min: 5, max: 1_000 }),
  endSessionsReason: reasonText("Say why (at least 5 characters); it goes in the audit log.", { min: 5, max: 500 }),
  senderActionReason: reasonText("Say why (at least 5 characters); the sender sees it.", { min: 5, max: 500 }),
  // Reports (economy.md §5.2): what the reporter adds, and why the admin decided as they did.
  reportNote: optionalText(1_000),
  reportOutcomeReason: reasonText("Say why (at least 5 characters); the reporters see it, and the owner when something is done.", { min: 5, max: 500 }),
  flagReviewNote: reasonText("Note what you found (at least 3 characters).", { min: 3, max: 1_000, noun: "note" }),
  settingReason: reasonText("Say why the setting changes (at least 5 characters).", { min: 5, max: 1_000 }),
  // Reputation (economy.md §10). A public comment is read by every future client or freelancer:
  // 10 characters is two short words ("Great work"), enough to say something, and too long for a
  // bare "ok" or "." that would tell a reader nothing; any more would only push people to pad.
  feedbackComment: { min: 10, max: 2_000, missing: "Write a public comment of at least 10 characters about how the contract went.", tooLong: "Keep the comment under 2,000 characters." },
  feedbackPrivateNote: optionalText(1_000),
  feedbackReply: requiredText("Write your reply; everyone who reads the feedback sees it.", 1_000),
  feedbackHideReason: reasonText("Say why the feedback is hidden (at least 5 characters); both people see it.", { min: 5, max: 1_000 }),
  // A profile's title says in a line what the freelancer does ("Senior React developer").
  profileTitle: { min: 5, max: 100, missing: "Give your profile a title of at least 5 characters, like \"Senior React developer\".", tooLong: "Keep the title under 100 characters." },
  profileOverview: optionalText(5_000),
  portfolioTitle: requiredText("Give the portfolio item a title.", 100),
  portfolioDescription: optionalText(2_000),
  employmentCompany: requiredText("Enter the company's name.", 100),
  employmentRole: requiredText("Enter your role there.", 100),
  educationSchool: requiredText("Enter the school's name.", 150),
  educationDegree: optionalText(150),
  declineInvitationReason: optionalText(500),
  clientCompany: optionalText(100),
  clientDescription: optionalText(2_000),
  location: optionalText(100),
  newPassword: { min: PASSWORD_LENGTH.min, max: PASSWORD_LENGTH.max, missing: `Use at least ${PASSWORD_LENGTH.min} characters for your password.`, tooLong: passwordTooLong, keepSpaces: true },
  currentPassword: { min: 1, max: PASSWORD_LENGTH.max, missing: "Enter your current password.", tooLong: passwordTooLong, keepSpaces: true },
} as const satisfies Record<string, TextRule>;

/** The text as the services store it: trimmed, unless the rule keeps spaces. */
export const textValue = (text: string, rule: TextRule) => (rule.keepSpaces ? text : text.trim());

/** Why `text` breaks `rule`, or undefined when it keeps it. */
export function textProblem(text: string, rule: TextRule): string | undefined {
  const length = textValue(text, rule).length;
  if (length < rule.min) return rule.missing;
  if (length > rule.max) return rule.tooLong;
  return undefined;
}

/** A card's expiry, as the card form reads "MM/YY" and the service checks the month and year. */
export const CARD_EXPIRY = {
  format: "Enter the expiry as MM/YY, for example 12/30.",
  month: "The expiry month is 1 to 12.",
  year: "Enter the expiry year like 2030.",
} as const;

/** "12/30" or "12/2030" → month and four-digit year, or the sentence that refuses it. */
export function readCardExpiry(text: string): { ok: true; value: { expMonth: number; expYear: number } } | { ok: false; error: string } {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return { ok: false, error: CARD_EXPIRY.format };
  const expMonth = Number(match[1]);
  if (expMonth < 1 || expMonth > 12) return { ok: false, error: CARD_EXPIRY.month };
  const expYear = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  if (expYear < 2000 || expYear > 2100) return { ok: false, error: CARD_EXPIRY.year };
  return { ok: true, value: { expMonth, expYear } };
}

/** A whole number a person types (days, hours, connects). */
export interface WholeRule {
  readonly min: number;
  readonly max: number;
  /** Said when it is blank, has a fraction or is not a number. */
  readonly notWhole: string;
  readonly tooSmall: string;
  readonly tooLarge: string;
}

export const WHOLE_RULES = {
  durationDays: { min: 1, max: 3_650, notWhole: "Give the duration in whole days.", tooSmall: "A job lasts at least 1 day.", tooLarge: "A job lasts at most 10 years." },
  estimatedHours: { min: 1, max: 10_000, notWhole: "Estimate the hours as a whole number.", tooSmall: "Estimate at least 1 hour.", tooLarge: "Estimate at most 10,000 hours." },
  boostConnects: { min: 0, max: 1_000, notWhole: "Boost with a whole number of connects.", tooSmall: "A boost cannot be negative.", tooLarge: "A boost is at most 1,000 connects." },
  adminConnects: { min: 1, max: 100_000, notWhole: "Enter a whole number of connects.", tooSmall: "Enter a number of connects above zero.", tooLarge: "At most 100,000 connects at a time." },
  weeklyLimitHours: { min: 1, max: 168, notWhole: FIELD_TEXT.weeklyLimitWholeHours, tooSmall: "The weekly limit is at least 1 hour.", tooLarge: "A week has 168 hours." },
} as const satisfies Record<string, WholeRule>;

/** Typed digits as a whole number within `rule`, or the sentence that refuses them. */
export function readWhole(text: string, rule: WholeRule): { ok: true; value: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (!/^-?\d{1,15}$/.test(trimmed)) return { ok: false, error: rule.notWhole };
  const value = Number(trimmed);
  if (value < rule.min) return { ok: false, error: rule.tooSmall };
  if (value > rule.max) return { ok: false, error: rule.tooLarge };
  return { ok: true, value };
}

/** A job's skills: at least one, at most 15, each at most 40 characters. */
export const SKILLS_RULE = {
  min: 1,
  max: 15,
  eachMax: 40,
  missing: "List at least one skill.",
  tooMany: "List at most 15 skills.",
  empty: "A skill cannot be empty.",
  tooLong: "Keep each skill under 40 characters.",
} as const;

/** Skills typed "react, css" → the list, or the sentence that refuses it. */
export function readSkills(text: string): { ok: true; value: string[] } | { ok: false; error: string } {
  const skills = text.split(",").map((skill) => skill.trim()).filter(Boolean);
  if (skills.length < SKILLS_RULE.min) return { ok: false, error: SKILLS_RULE.missing };
  if (skills.length > SKILLS_RULE.max) return { ok: false, error: SKILLS_RULE.tooMany };
  if (skills.some((skill) => skill.length > SKILLS_RULE.eachMax)) return { ok: false, error: SKILLS_RULE.tooLong };
  return { ok: true, value: skills };
}

/** Links added to a statement (evidence): up to five web addresses, each at most 500 characters. */
export const LINKS_RULE = {
  max: 5,
  eachMax: 500,
  tooMany: "Add at most 5 links.",
  tooLong: "Keep each link under 500 characters.",
  notWeb: "A link must be a web address starting with http:// or https://.",
} as const;

/** An http(s) address (the only links a statement may carry). */
export function isWebLink(text: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** Why a list of links is refused, or undefined. */
export function linksProblem(links: readonly string[]): string | undefined {
  if (links.length > LINKS_RULE.max) return LINKS_RULE.tooMany;
  if (links.some((link) => link.length > LINKS_RULE.eachMax)) return LINKS_RULE.tooLong;
  if (links.some((link) => !isWebLink(link))) return LINKS_RULE.notWeb;
  return undefined;
}

/** Roughly an email address (the server checks it exactly); the sentence both say. */
export const EMAIL_RULE = { max: 254, missing: "Enter your email address.", invalid: "Enter a valid email address." } as const;

export function emailProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return EMAIL_RULE.missing;
  if (trimmed.length > EMAIL_RULE.max || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return EMAIL_RULE.invalid;
  return undefined;
}

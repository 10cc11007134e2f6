import { MAX_AMOUNT_MINOR, SETTING_KEYS, type SettingKey } from "@fairlance/rules";
import { z } from "zod";
import { DomainError } from "../errors";

/**
 * Field schemas more than one input uses, each sentence written once here (the services' inputs
 * and the web app's read inputs both take them from `@fairlance/db/services`).
 */

/** An amount in cents above $0.00: `Cents("budget")` says "Enter the budget in cents." and so on. */
export const Cents = (what: string) =>
  z.bigint(`Enter the ${what} in cents.`).positive(`The ${what} must be above $0.00.`).max(MAX_AMOUNT_MINOR, `The ${what} is too large.`);

/** A freelancer's bid in cents (fixed price: the amount; hourly: the rate), before its lower bound. */
export const Bid = z.bigint("Enter your bid in cents.").max(MAX_AMOUNT_MINOR, "Your bid is too large.");

/** How long a job lasts, in days. */
export const DurationDays = z.int("Give the duration in whole days.").min(1, "A job lasts at least 1 day.").max(3_650, "A job lasts at most 10 years.");

/** The person an admin picks. */
export const ChosenPerson = z.uuid("Choose a person.");

/** The refusal when the person an admin picked does not exist. */
export const noSuchPerson = () => new DomainError("NOT_FOUND", "There is no such person.");

/** The freelancer an admin picks. */
export const ChosenFreelancer = z.uuid("Choose a freelancer.");

/** One of the person's cards. */
export const ChosenCard = z.uuid("Choose a card.");

/** One of the [admin] settings. */
export const ChosenSetting = z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]], "Choose a setting.");

/**
 * Why an admin acts, for the audit log: `prompt` says what to write (and is the refusal when it is
 * shorter than `min`); past `max` the refusal is "Keep the {noun} under {max} characters."
 */
export const Reason = (prompt: string, { min, max, noun = "reason" }: { min: number; max: number; noun?: string }) =>
  z.string().trim().min(min, prompt).max(max, `Keep the ${noun} under ${max.toLocaleString("en-US")} characters.`);

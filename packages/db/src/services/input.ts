import { z } from "zod";
import { DomainError } from "../errors";
import type { ActorCall, SystemCall } from "./actor";

/**
 * Parses what a caller typed against an operation's input schema (the one the tRPC procedure also
 * uses as its `.input()`). A refusal is INVALID_REQUEST naming every problem, each once, with the
 * issues for the form's fields.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issueMessage(issue) }));
  const messages = [...new Set(issues.map((issue) => issue.message))];
  throw new DomainError("INVALID_REQUEST", messages.join(" "), { issues });
}

/**
 * Fields a strict schema does not take, as one sentence naming them: `"role" is not a field you can
 * set.`, `"role" and "balanceMinor" are not fields you can set.` A nested field is named by its
 * path ("card.status"). A name is quoted back cut to 80 characters, and at most five are named, so
 * the refusal stays a line however many or long the fields sent. The web app's error formatter
 * uses the same sentence.
 */
export function unknownFieldsSentence(fields: readonly string[]): string {
  const quoted = fields.slice(0, MAX_NAMED).map((field) => `"${field.length > 80 ? `${field.slice(0, 80)}…` : field}"`);
  if (fields.length > MAX_NAMED) quoted.push(`${fields.length - MAX_NAMED} more`);
  const names = quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)!}` : (quoted[0] ?? "This field");
  return `${names} ${fields.length > 1 ? "are not fields" : "is not a field"} you can set.`;
}
const MAX_NAMED = 5;

/** An issue's sentence: the schema's own, or for unknown fields the sentence naming them. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== "unrecognized_keys") return issue.message;
  const at = issue.path.map(String).join(".");
  return unknownFieldsSentence(issue.keys.map((key) => (at ? `${at}.${key}` : key)));
}

/**
 * An operation's whole input: the typed fields, checked by `schema` (strict: an unknown field is
 * refused), and the call (`actorId`, `now`, `actor`), which is not the caller's to type and is
 * passed through as it is.
 */
export function parseCall<Schema extends z.ZodType, Call extends ActorCall | SystemCall>(
  schema: Schema,
  input: z.input<Schema> & Call,
): z.output<Schema> & Call {
  const { actorId, now, actor, ...fields } = input as Partial<ActorCall> & Record<string, unknown>;
  const call = (actorId === undefined ? { now } : { actorId, now, ...(actor ? { actor } : {}) }) as Call;
  return { ...(parseInput(schema, fields) as object), ...call } as z.output<Schema> & Call;
}

/** An id of something the caller names; a malformed one is "does not exist", as a missing one is. */
export const Id = (what: string) => z.uuid(`That ${what} does not exist.`);

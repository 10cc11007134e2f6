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
  const messages = [...new Set(result.error.issues.map((issue) => issue.message))];
  throw new DomainError("INVALID_REQUEST", messages.join(" "), {
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
  });
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

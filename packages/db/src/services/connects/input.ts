import type { z } from "zod";
import { DomainError } from "../../errors";

/** Parses a service input; a refusal is INVALID_REQUEST with the first problem as its sentence. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new DomainError("INVALID_REQUEST", issue?.message ?? "The request is not valid.", {
    issues: parsed.error.issues.map((item) => ({ path: item.path.join("."), message: item.message })),
  });
}

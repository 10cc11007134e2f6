import { TRPCError } from "@trpc/server";
import { decodeUntrusted } from "@fairlance/db";
import { FieldProblem } from "../errors";

/**
 * What is wrong with a request's inputs, or null. Each input is decoded once, by the API's
 * strict decoder (`decodeUntrusted`: only the types inputs carry, only text a person could mean,
 * in time proportional to the request's size), and a problem in a field is reported against
 * that field so forms show it there. Fields a procedure's input does not declare (`role`,
 * `balanceMinor`, `card.status`…) are refused afterwards by its strict input schema, rather than
 * silently dropped, so nobody is left to guess whether they took effect.
 */
export function inputProblem(inputs: unknown[]): TRPCError | null {
  for (const input of inputs) {
    const decoded = decodeUntrusted(input);
    if (!decoded.ok) {
      const { path, message } = decoded.problem;
      return new TRPCError({ code: "BAD_REQUEST", message, cause: new FieldProblem(path, message) });
    }
  }
  return null;
}

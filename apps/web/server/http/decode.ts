import { TRPCError } from "@trpc/server";
import { decodeUntrusted } from "@fairlance/db";
import { FieldProblem } from "../errors";
import { unexpectedInputFields } from "../unexpected-fields";
import { procedures } from "./procedures";
import { quote } from "./quote";

/**
 * What is wrong with a request's inputs, or null. Each input is decoded once, by the API's
 * strict decoder (`decodeUntrusted`: only the types inputs carry, only text a person could mean,
 * in time proportional to the request's size), and a problem in a field is reported against
 * that field so forms show it there. Fields a procedure's input does not declare (`role`,
 * `balanceMinor`, `card.status`…) are refused rather than silently dropped, so nobody is left
 * to guess whether they took effect.
 */
export function inputProblem(paths: string[], inputs: unknown[]): TRPCError | null {
  const values: unknown[] = [];
  for (const input of inputs) {
    const decoded = decodeUntrusted(input);
    if (!decoded.ok) {
      const { path, message } = decoded.problem;
      return new TRPCError({ code: "BAD_REQUEST", message, cause: new FieldProblem(path, message) });
    }
    values.push(decoded.value);
  }
  for (const [index, path] of paths.entries()) {
    const fields = unexpectedInputFields(procedures[path]?._def.inputs ?? [], values[index]);
    if (fields.length === 0) continue;
    const names = fields.slice(0, 5).map((field) => `"${quote(field)}"`).join(", ") + (fields.length > 5 ? ` and ${fields.length - 5} more` : "");
    const message = `This request sends ${fields.length === 1 ? "a field" : "fields"} that ${path} does not take: ${names}. Nothing was changed.`;
    return new TRPCError({ code: "BAD_REQUEST", message });
  }
  return null;
}

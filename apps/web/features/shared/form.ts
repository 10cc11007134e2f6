"use client";

import { FIELD_TEXT, MAX_AMOUNT_MINOR, emailProblem, readWhole, textProblem, textValue, type TextRule, type WholeRule } from "@fairlance/rules";
import { useEffect, useRef } from "react";
import { set, useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path, type Resolver, type UseFormReturn } from "react-hook-form";
import { readMoney } from "@/lib/money";
import { domainCode, errorText, fieldErrors } from "./error-text";

/**
 * Forms (CONTRIBUTING.md, "A form"): react-hook-form holds the typed text, and one parse function per
 * form turns it into what the procedure takes, or a sentence per field that is wrong. The parse
 * function reads the rules' own limits and sentences (TEXT_RULES, WHOLE_RULES, FIELD_TEXT from
 * @fairlance/rules, which the services' schemas use too), so the browser refuses what the server
 * would, in the same words, without shipping zod to the browser.
 */

/** One field read: its value, or the sentence that refuses it. */
export type Read<T> = { ok: true; value: T } | { ok: false; error: string };

/** A sentence for each field that is wrong, by the field's name in the form ("milestones.0.amount"). */
export type Problems<V extends FieldValues> = Partial<Record<Path<V>, string>>;

/** What a form's parse function gives: the procedure's input, or every problem at once. */
export type Parsed<V extends FieldValues, Out> = { ok: true; value: Out } | { ok: false; problems: Problems<V> };

/**
 * A parse function as react-hook-form's resolver: the parsed value when every field is right (so
 * `handleSubmit` hands the procedure's input to the submit function), otherwise an error for each
 * wrong field, nested by its path as react-hook-form keeps them.
 */
export function resolverOf<V extends FieldValues, Out>(parse: (values: V) => Parsed<V, Out>): Resolver<V, unknown, Out> {
  return (values) => {
    const parsed = parse(values);
    if (parsed.ok) return { values: parsed.value, errors: {} };
    const errors: FieldErrors<V> = {};
    for (const [name, message] of Object.entries(parsed.problems) as [string, string | undefined][]) {
      if (message) set(errors, name, { type: "rules", message });
    }
    return { values: {}, errors };
  };
}

/**
 * Gathers a form's problems field by field: `take` reads one field and notes its problem, `done`
 * builds the value only when no field had one. A parse function reads every field, so the form
 * shows every problem at once.
 */
export function problemsOf<V extends FieldValues>() {
  const problems: Problems<V> = {};
  const found = () => Object.keys(problems).length > 0;
  return {
    /** The field's value, or undefined with its problem noted (the first problem of a field stays). */
    take<T>(name: Path<V>, read: Read<T>): T | undefined {
      if (read.ok) return read.value;
      problems[name] ??= read.error;
      return undefined;
    },
    /** Notes a problem that is not a field's own reading (one field against another). */
    add(name: Path<V>, message: string) {
      problems[name] ??= message;
    },
    found,
    /** Builds the value (every `take` succeeded, so their values are defined) or gives every problem. */
    done<Out>(build: () => Out): Parsed<V, Out> {
      return found() ? { ok: false, problems } : { ok: true, value: build() };
    },
  };
}

/** Text within a rule of TEXT_RULES: trimmed (unless it keeps spaces) as the service stores it. */
export function readText(text: string, rule: TextRule): Read<string> {
  const problem = textProblem(text, rule);
  return problem ? { ok: false, error: problem } : { ok: true, value: textValue(text, rule) };
}

/** A whole number within a rule of WHOLE_RULES. */
export const readWholeNumber = (text: string, rule: WholeRule): Read<number> => readWhole(text, rule);

/**
 * A dollar amount typed by a person, in cents, refused as the services' `Amount(name)` refuses it:
 * blank ("Enter the budget."), not an amount, $0.00, or above the largest amount. `name` finishes the
 * sentences ("budget", "bonus").
 */
export function readAmount(text: string, name: string, { min }: { min?: { minor: bigint; sentence: string } } = {}): Read<bigint> {
  if (!text.trim()) return { ok: false, error: `Enter the ${name}.` };
  const money = readMoney(text);
  if (!money.ok) return { ok: false, error: money.error };
  if (money.minor <= 0n) return { ok: false, error: FIELD_TEXT.amountNotPositive(name) };
  if (money.minor > MAX_AMOUNT_MINOR) return { ok: false, error: FIELD_TEXT.amountTooLarge(name) };
  if (min && money.minor < min.minor) return { ok: false, error: min.sentence };
  return { ok: true, value: money.minor };
}

/** An amount that may be left blank (a filter): undefined when blank. */
export function readOptionalAmount(text: string, name: string): Read<bigint | undefined> {
  return text.trim() ? readAmount(text, name) : { ok: true, value: undefined };
}

/** An email address, trimmed. */
export function readEmail(text: string): Read<string> {
  const problem = emailProblem(text);
  return problem ? { ok: false, error: problem } : { ok: true, value: text.trim() };
}

/**
 * A form whose fields are checked by `parse` (see resolverOf): on submit every problem shows at once,
 * beside its field, and the first wrong field takes the focus; after a submit, each change checks
 * again, so a fixed field's error clears as it is typed.
 */
export function useRulesForm<V extends FieldValues, Out>(parse: (values: V) => Parsed<V, Out>, defaultValues: DefaultValues<V>): UseFormReturn<V, unknown, Out> {
  return useForm<V, unknown, Out>({ resolver: resolverOf(parse), defaultValues, mode: "onSubmit", reValidateMode: "onChange", shouldFocusError: true });
}

/**
 * Which of the form's fields shows a problem the server found: the request's field (a key of the
 * tRPC error's `data.fieldErrors`, the procedure input's top-level name) → the form's field; and a
 * refusal's domain code → the field its sentence is about (WEAK_PASSWORD → the password).
 */
export interface ServerFields<V extends FieldValues> {
  fields?: Partial<Record<string, Path<V>>>;
  codes?: Partial<Record<string, Path<V>>>;
}

/** A server refusal split into the problems shown beside fields and the rest, for the form's alert. */
export function serverProblems<V extends FieldValues>(error: unknown, map: ServerFields<V>): { fields: [Path<V>, string][]; alert: string | null } {
  if (!error) return { fields: [], alert: null };
  const fields: [Path<V>, string][] = [];
  const rest: string[] = [];
  for (const [key, messages] of Object.entries(fieldErrors(error))) {
    const target = map.fields?.[key];
    const message = messages?.[0];
    if (!message) continue;
    if (target) fields.push([target, message]);
    else rest.push(message);
  }
  const byCode = map.codes?.[domainCode(error) ?? ""];
  if (byCode) fields.push([byCode, errorText(error)]);
  const alert = rest.length > 0 ? rest.join(" ") : fields.length === 0 ? errorText(error) : null;
  return { fields, alert };
}

/** Puts a server refusal's field problems beside their fields (the first takes the focus). */
export function showServerProblems<V extends FieldValues>(form: Pick<UseFormReturn<V>, "setError">, error: unknown, map: ServerFields<V>): void {
  serverProblems(error, map).fields.forEach(([name, message], index) => form.setError(name, { type: "server", message }, { shouldFocus: index === 0 }));
}

/**
 * Runs `onEdit` whenever the person changes a field: a form resets its mutation there (so neither a
 * success nor an error from before stays on screen beside what is now typed) and renews its
 * idempotency key (a changed request is a new action).
 */
export function useOnEdit<V extends FieldValues>(form: Pick<UseFormReturn<V, unknown, unknown>, "subscribe">, onEdit: () => void): void {
  const latest = useRef(onEdit);
  useEffect(() => {
    latest.current = onEdit;
  });
  const { subscribe } = form;
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ type }) => {
          if (type) latest.current();
        },
      }),
    [subscribe],
  );
}

/** A form of one text field (a reason in a confirm step). */
export interface TextValues {
  text: string;
}

/** The parse function of a one-text form: the text within `rule`, as the service stores it. */
export const parseOneText =
  (rule: TextRule) =>
  (values: TextValues): Parsed<TextValues, string> => {
    const check = problemsOf<TextValues>();
    const text = check.take("text", readText(values.text, rule));
    return check.done(() => text!);
  };

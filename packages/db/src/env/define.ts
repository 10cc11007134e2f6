import { z } from "zod";

/**
 * One environment variable: what a valid value is, its default and how it reads. Every package
 * declares its variables once (packages/db/src/env.ts, apps/web/env.ts, bench/src/env.ts,
 * e2e/env.ts); the README's configuration table is checked against them.
 */
export interface Variable<T> {
  /** Completes "NAME must be …": "a whole number from 1 to 65535". */
  readonly must: string;
  /** The value used when the variable is unset or empty; the README shows it in backticks. */
  readonly default?: string;
  /** Without a default: what unset means, as the README's Default column says it ("*(unset)*", "generated"). */
  readonly unset?: string;
  /** The value, or an Error whose message completes "NAME must be …" when it is not valid. */
  readonly read: (raw: string) => T;
}

export type EnvSpec = Readonly<Record<string, Variable<unknown>>>;
export type EnvValues<S extends EnvSpec> = { readonly [K in keyof S]: S[K] extends Variable<infer T> ? T : never };
type Source = Readonly<Record<string, string | undefined>>;

/** A configuration value that is not valid; its message names the variable and says what it must be. */
export class EnvError extends Error {
  declare readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `The configuration is not valid:\n- ${problems.join("\n- ")}`);
    this.name = "EnvError";
    Object.defineProperty(this, "problems", { value: problems, enumerable: false });
    // A start-up refusal, not a bug: the sentence is all a person needs to read.
    this.stack = `EnvError: ${this.message}`;
  }
}

type Options = { default: string } | { unset: string };
/** A variable with a default always has a value. */
type Typed<T, O extends Options> = Variable<O extends { default: string } ? T : T | undefined>;

function variable<T, O extends Options>(must: string, schema: z.ZodType<T, string>, options: O): Typed<T, O> {
  return {
    must,
    ...options,
    read: (raw) => {
      const result = schema.safeParse(raw);
      if (!result.success) throw new Error(must);
      return result.data;
    },
  } as Typed<T, O>;
}

/** The text the README's Default column shows for a variable. */
export function documentedDefault(v: Variable<unknown>): string {
  return v.default !== undefined ? `\`${v.default}\`` : (v.unset ?? "*(unset)*");
}

/** What a variable holds in `source`: its value, its default, or undefined; throws the sentence naming it. */
export function readVariable<T>(name: string, v: Variable<T>, source: Source = process.env): T {
  const given = source[name]?.trim() ? source[name] : undefined;
  const raw = given ?? v.default;
  if (raw === undefined) return undefined as T;
  try {
    return v.read(raw.trim());
  } catch (error) {
    const message = error instanceof Error ? error.message : v.must;
    // A parser kept where its rule lives (parsed()) writes the whole sentence itself.
    throw new EnvError([message.startsWith(`${name} `) ? message : `${name} must be ${message}; it is ${JSON.stringify(given ?? raw)}.`]);
  }
}

/** Every invalid variable of `spec` in `source`, one sentence each. */
export function envProblems(spec: EnvSpec, source: Source = process.env): string[] {
  return Object.entries(spec).flatMap(([name, v]) => {
    try {
      readVariable(name, v, source);
      return [];
    } catch (error) {
      return error instanceof EnvError ? [...error.problems] : [String(error)];
    }
  });
}

/**
 * A package's configuration: checked as a whole when the module loads (an invalid value stops
 * the process at start with sentences naming each variable), then read on each access, so a
 * test that sets process.env for the code under test is seen.
 */
export function defineEnv<S extends EnvSpec>(spec: S): EnvValues<S> {
  const problems = envProblems(spec);
  if (problems.length > 0) throw new EnvError(problems);
  const values = {} as EnvValues<S>;
  for (const [name, v] of Object.entries(spec)) {
    Object.defineProperty(values, name, { enumerable: true, get: () => readVariable(name, v) });
  }
  return Object.freeze(values);
}

const wholeNumber = (min: number, max: number) => z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));

export const env = {
  /** A whole number in [min, max]. */
  number<O extends Options>(min: number, max: number, options: O, must = `a whole number from ${min} to ${max}`) {
    return variable(must, wholeNumber(min, max), options);
  },
  /** A TCP port; 0 only when `anyFree` (the system picks one). */
  port<O extends Options>(options: O & { anyFree?: boolean }) {
    const min = options.anyFree ? 0 : 1;
    const { anyFree: _anyFree, ...rest } = options;
    return variable(`a whole number from ${min} to 65535${options.anyFree ? " (0: any free port)" : ""}`, wholeNumber(min, 65535), rest as unknown as O);
  },
  /** An absolute URL with one of `protocols` ("http:", "postgresql:"). */
  url<O extends Options>(protocols: readonly string[], options: O) {
    const schema = z.string().refine((value) => URL.canParse(value) && protocols.includes(new URL(value).protocol));
    return variable(`a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`, schema, options);
  },
  /** One of a few words. */
  oneOf<const W extends string, O extends Options>(words: readonly [W, ...W[]], options: O) {
    const must = words.length === 1 ? `"${words[0]}" or unset` : `one of ${words.map((w) => `"${w}"`).join(", ")}`;
    return variable(must, z.enum(words), options);
  },
  /** Text matching `pattern`; `must` completes "NAME must be …" ("a bucket name: 3 to 63 …"). */
  matching<O extends Options>(pattern: RegExp, must: string, options: O) {
    return variable(must, z.string().regex(pattern), options);
  },
  /** Any text (a path, a secret): only its presence matters here. */
  text<O extends Options>(options: O) {
    return variable("text", z.string(), options);
  },
  /** Read by a parser that throws a sentence of its own (kept where the rule lives). */
  parsed<T, O extends Options>(must: string, read: (raw: string) => T, options: O): Typed<T, O> {
    return { must, ...options, read } as Typed<T, O>;
  },
};

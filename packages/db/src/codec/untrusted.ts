/**
 * Decodes what a caller sends to the API: typed JSON (./typed-json.ts) from outside, checked
 * before anything is built from it. superjson's own decoder trusts its `meta`: a type it names
 * (`custom`, `class`, `symbol`, `set`…) runs code of the library's, a path is followed wherever
 * it points, and a crafted request cost 0.3–0.65 s of CPU in its recursion. This decoder takes
 * only what the API's inputs can carry and refuses everything else with a sentence, in time
 * proportional to the request's size, without recursion:
 *
 * - types: bigint (plain decimal digits, nothing else: not "0x10", " 1000 ", "+1000" or ""),
 *   Date (an ISO instant as `toISOString` writes it) and undefined;
 * - text: every string and every key is one a person could mean. C0 and C1 control characters
 *   (U+0000 included, which PostgreSQL cannot store) are refused, tab, newline and carriage
 *   return apart; so are the bidirectional overrides and isolates (U+202A–U+202E,
 *   U+2066–U+2069), with which "gnp.exe" shows as "exe.png", and lone UTF-16 surrogates;
 * - shape: at most MAX_DEPTH levels deep, and no key named `__proto__` anywhere.
 *
 * The result is the decoded value, or the first problem with the path of the field it is in.
 */

/** The typed values an API input can carry; the API's procedures declare no other. */
export const WIRE_TYPES = ["bigint", "Date", "undefined"] as const;
export type WireType = (typeof WIRE_TYPES)[number];

/** Deeper than any input the API declares (the deepest is about 4 levels). */
export const MAX_DEPTH = 32;
/** Digits in a bigint on the wire: far beyond any amount (the largest is 11 digits of cents). */
export const MAX_BIGINT_DIGITS = 40;

export type InputPath = (string | number)[];

export interface InputProblem {
  /** Where in the input: [] for the input as a whole. */
  path: InputPath;
  /** A sentence for the caller. */
  message: string;
  /** `field`: a key that no input takes (`__proto__`); `text`: a character refused; `encoding`: the rest. */
  kind: "encoding" | "text" | "field";
}

export type UntrustedDecoding = { ok: true; value: unknown } | { ok: false; problem: InputProblem };

const PLAIN_INTEGER = /^(?:0|-?[1-9][0-9]*)$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

const FORMAT_HINT = 'Send it as the app\'s client does: superjson\'s {"json": …, "meta": …}.';

/** `The field "milestones[0].title"`, or `The request input` for the whole. */
export function describePath(path: InputPath): string {
  if (path.length === 0) return "The request input";
  const name = path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i > 0 ? "." : ""}${key}`)).join("");
  return `The field "${name.length > 80 ? `${name.slice(0, 80)}…` : name}"`;
}

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** What is wrong with one piece of text, as the rest of a sentence, or null. */
export function textProblem(text: string): string | null {
  const control = CONTROL.exec(text);
  if (control) {
    return `contains a control character (${codePoint(control[0])}) that text here cannot hold. Remove it and send again.`;
  }
  const bidi = BIDI_CONTROL.exec(text);
  if (bidi) {
    return `contains an invisible direction-override character (${codePoint(bidi[0])}), which can make text read differently from what it is (a file "gnp.exe" shown as "exe.png"). Remove it and send again.`;
  }
  if (LONE_SURROGATE.test(text)) return "contains a broken character (half of a UTF-16 pair). Send the text as valid Unicode.";
  return null;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) && [Object.prototype, null].includes(Object.getPrototypeOf(value));

const fail = (kind: InputProblem["kind"], path: InputPath, message: string): UntrustedDecoding => ({ ok: false, problem: { kind, path, message } });
const badFormat = (why: string) => fail("encoding", [], `The request input ${why}. ${FORMAT_HINT}`);

/** Every key and string of the plain JSON, depth first, without recursion. */
function checkShapeAndText(root: unknown): UntrustedDecoding | null {
  const stack: { value: unknown; path: InputPath }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      const problem = textProblem(value);
      if (problem) return fail("text", path, `${describePath(path)} ${problem}`);
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (path.length >= MAX_DEPTH) return fail("encoding", path, `The request input is nested more than ${MAX_DEPTH} levels deep; no input of the API is.`);
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) stack.push({ value: value[index], path: [...path, index] });
      continue;
    }
    for (const key of Object.keys(value)) {
      const at = [...path, key];
      if (key === "__proto__") return fail("field", at, `${describePath(at)} is not a field any input takes. Nothing was changed.`);
      const problem = textProblem(key);
      if (problem) return fail("text", at, `The name of a field ${problem}`);
      stack.push({ value: (value as Record<string, unknown>)[key], path: at });
    }
  }
  return null;
}

/** superjson's escaped dotted path ("a.b\\.c" → ["a", "b.c"]), or null when malformed. */
function parsePath(text: string): string[] | null {
  const segments: string[] = [];
  let segment = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "\\") {
      const next = text[i + 1];
      if (next !== "\\" && next !== ".") return null;
      segment += next;
      i++;
    } else if (char === ".") {
      segments.push(segment);
      segment = "";
    } else {
      segment += char;
    }
  }
  segments.push(segment);
  return segments;
}

const shown = (value: unknown) => {
  const text = typeof value === "string" ? JSON.stringify(value) : Array.isArray(value) ? "a list" : value === null ? "null" : typeof value === "object" ? "an object" : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

/** The typed value of one annotated leaf, or a problem. */
function convert(type: WireType, raw: unknown, path: InputPath): { value: unknown } | UntrustedDecoding {
  const field = describePath(path);
  switch (type) {
    case "bigint":
      if (typeof raw !== "string" || raw.replace(/^-/, "").length > MAX_BIGINT_DIGITS || !PLAIN_INTEGER.test(raw)) {
        return fail("encoding", path, `${field} must be a whole number of cents in plain digits (like "1500"), not ${shown(raw)}.`);
      }
      return { value: BigInt(raw) };
    case "Date": {
      const date = typeof raw === "string" && ISO_INSTANT.test(raw) ? new Date(raw) : null;
      if (!date || Number.isNaN(date.getTime()) || date.toISOString() !== raw) {
        return fail("encoding", path, `${field} must be a date and time like "2026-12-02T18:00:00.000Z", not ${shown(raw)}.`);
      }
      return { value: date };
    }
    case "undefined":
      if (raw !== null && raw !== undefined) return fail("encoding", path, `${field} is marked as left out but has a value.`);
      return { value: undefined };
  }
}

/**
 * Decodes a caller's typed JSON, or says what is wrong with it. Never throws. The typed values
 * are put in place in the payload's `json` (freshly parsed from the request, and the caller's
 * only), so a large input is not copied.
 */
export function decodeUntrusted(payload: unknown): UntrustedDecoding {
  if (payload === undefined) return { ok: true, value: undefined };
  if (!isPlainObject(payload)) return badFormat("is not an object");
  const extra = Object.keys(payload).find((key) => key !== "json" && key !== "meta");
  if (extra !== undefined) return badFormat(`has a part "${extra.slice(0, 40)}" beside json and meta`);
  const json = payload.json;
  const meta = payload.meta;

  const shapeProblem = checkShapeAndText(json);
  if (shapeProblem) return shapeProblem;
  if (meta === undefined) return { ok: true, value: json };

  if (!isPlainObject(meta)) return badFormat("has a meta that is not an object");
  const metaExtra = Object.keys(meta).find((key) => key !== "values" && key !== "referentialEqualities" && key !== "v");
  if (metaExtra !== undefined) return badFormat(`has a meta part "${metaExtra.slice(0, 40)}" the API does not read`);
  // Version 1 is superjson 2's; hand-written requests often leave it out, which reads the same here.
  if (meta.v !== undefined && meta.v !== 1) return badFormat("names a meta version other than 1");
  // Referential equalities only say that two places held one object; the JSON carries full
  // copies (the client does not dedupe), so they change nothing about the values and are ignored.
  const equalities = meta.referentialEqualities;
  if (equalities !== undefined && (equalities === null || typeof equalities !== "object")) return badFormat("has malformed referential equalities");

  const values = meta.values;
  if (values === undefined) return { ok: true, value: json };
  // The whole input is one typed value: ["bigint"], ["undefined"]…
  const annotations: [string, unknown][] = Array.isArray(values) ? [["", values]] : isPlainObject(values) ? Object.entries(values) : [];
  if (!Array.isArray(values) && !isPlainObject(values)) return badFormat("has malformed meta values");

  let root = json;
  for (const [pathText, tree] of annotations) {
    if (!Array.isArray(tree)) return badFormat("has a meta value that is not a type");
    const type: unknown = tree[0];
    if (typeof type !== "string" || !(WIRE_TYPES as readonly string[]).includes(type)) {
      const name = Array.isArray(type) && typeof type[0] === "string" ? type[0] : typeof type === "string" ? type : "unknown";
      return fail("encoding", [], `The request input uses a type the API does not take (${shown(name)}); inputs carry only plain JSON, whole-number cents and dates.`);
    }
    // A typed leaf is [type]; the types the API takes have no children.
    if (tree.length !== 1) return badFormat("has a meta value that is not a single type");
    const segments = Array.isArray(values) ? [] : parsePath(pathText);
    if (segments === null) return badFormat("has a malformed path in its meta");
    const path: InputPath = [];
    let parent: Record<string, unknown> | unknown[] | null = null;
    let node: unknown = root;
    for (const segment of segments) {
      if (FORBIDDEN_KEYS.has(segment)) return fail("field", [...path, segment], `${describePath([...path, segment])} is not a field any input takes. Nothing was changed.`);
      if (Array.isArray(node)) {
        const index = /^(?:0|[1-9][0-9]{0,8})$/.test(segment) ? Number(segment) : -1;
        if (index < 0 || index >= node.length) return badFormat("has a meta path that points nowhere");
        path.push(index);
      } else if (isPlainObject(node) && Object.hasOwn(node, segment)) {
        path.push(segment);
      } else {
        return badFormat("has a meta path that points nowhere");
      }
      parent = node as Record<string, unknown> | unknown[];
      node = (node as Record<string, unknown>)[segment];
    }
    const converted = convert(type as WireType, node, path);
    if (!("value" in converted)) return converted;
    if (parent === null) root = converted.value;
    else (parent as Record<string, unknown>)[String(path[path.length - 1])] = converted.value;
  }
  return { ok: true, value: root };
}

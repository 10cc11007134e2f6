/**
 * Fields of an input that its zod schema does not declare, at any depth ("card.status").
 * zod's objects strip unknown keys silently; the API edge refuses them instead, so a caller
 * who sends `role`, `balanceMinor` or `actorId` is told plainly that these are not theirs to
 * set, rather than left to guess whether they took effect.
 *
 * It walks zod 4's schema definitions; a kind of schema it does not know is not checked
 * (zod still validates it as usual).
 */
type Def = { type: string; [key: string]: unknown };

const defOf = (schema: unknown): Def | null => (schema as { _zod?: { def?: Def } } | null)?._zod?.def ?? null;

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

const join = (at: string, key: string) => (at ? `${at}.${key}` : key);

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"]);

export function unexpectedFields(schema: unknown, value: unknown, at = ""): string[] {
  const def = defOf(schema);
  if (!def || value === undefined || value === null) return [];
  if (WRAPPERS.has(def.type)) return unexpectedFields(def.innerType, value, at);
  switch (def.type) {
    case "pipe":
      return unexpectedFields(def.in, value, at);
    case "lazy":
      return unexpectedFields((def.getter as () => unknown)(), value, at);
    case "array":
      return Array.isArray(value) ? value.flatMap((item, index) => unexpectedFields(def.element, item, `${at}[${index}]`)) : [];
    case "record":
      return isPlainObject(value) ? Object.entries(value).flatMap(([key, item]) => unexpectedFields(def.valueType, item, join(at, key))) : [];
    case "object": {
      if (!isPlainObject(value)) return [];
      const shape = def.shape as Record<string, unknown>;
      const catchall = defOf(def.catchall);
      const open = catchall !== null && catchall.type !== "never";
      return Object.entries(value).flatMap(([key, item]) =>
        Object.hasOwn(shape, key) ? unexpectedFields(shape[key], item, join(at, key)) : open ? [] : [join(at, key)],
      );
    }
    case "union": {
      // Fine when one option takes every field; otherwise report the closest option's extras.
      const found = (def.options as unknown[]).map((option) => unexpectedFields(option, value, at));
      return found.reduce((best, each) => (each.length < best.length ? each : best));
    }
    case "intersection": {
      const right = new Set(unexpectedFields(def.right, value, at));
      return unexpectedFields(def.left, value, at).filter((field) => right.has(field));
    }
    default:
      return [];
  }
}

/** The same over every input parser of a procedure (tRPC merges them): a field any one declares is expected. */
export function unexpectedInputFields(inputs: readonly unknown[], value: unknown): string[] {
  if (inputs.length === 0) return [];
  const [first, ...rest] = inputs.map((schema) => unexpectedFields(schema, value));
  return first!.filter((field) => rest.every((each) => each.includes(field)));
}

/**
 * A stored record's values (audit before/after, a job run's changes), already decoded from the
 * typed encoding by the server, as compact one-line text for admins: amounts (bigint cents) as
 * "1499¢", dates as ISO text. Display only: nothing reads this text back.
 */
export function storedText(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? `${item}¢` : item));
}

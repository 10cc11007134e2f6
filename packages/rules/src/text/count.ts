/**
 * A count with its noun, singular or plural as English wants it: "1 connect", "0 connects",
 * "12 connects", "1,500 connects". Every sentence that shows a number of things uses it.
 */
export function formatCount(count: number | bigint, singular: string, plural = `${singular}s`): string {
  const number = typeof count === "bigint" ? count.toLocaleString("en-US") : count.toLocaleString("en-US");
  return `${number} ${count === 1 || count === 1n ? singular : plural}`;
}

/** "1 connect", "3 connects". */
export const formatConnects = (count: number | bigint) => formatCount(count, "connect");

/** Minutes as "3 h 20 min", "45 min", "2 h": whole numbers, no fractions of an hour. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

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

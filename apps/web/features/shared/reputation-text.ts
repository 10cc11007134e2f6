/**
 * Reputation in words (economy.md §10.5–10.6), shared by every place a person is summed up: stars
 * always as text ("4.8 out of 5 from 12 reviews"), the Job Success Score with what its absence means.
 */

/** "4.8 out of 5 from 12 reviews", or "No reviews yet". */
export function ratingText(rating: { display: string | null; fromText: string }): string {
  return rating.display === null ? rating.fromText : `${rating.display} out of 5 ${rating.fromText}`;
}

/** "92% Job Success", or "No Job Success Score yet" (too few contracts that paid). */
export const jobSuccessText = (score: number | null) => (score === null ? "No Job Success Score yet" : `${score}% Job Success`);

/** "CC" for "Carol Chen": the place of a photo when there is none. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? "") + (words.length > 1 ? (words.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

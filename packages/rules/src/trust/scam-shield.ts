import { DEFAULT_SETTINGS } from "../settings/defaults";
import type { ScamPattern } from "../settings/schemas";

export interface ScamMatch {
  patternId: string;
  label: string;
  category: ScamPattern["category"];
  /** The matched text, to highlight in the warning. */
  excerpt: string;
}

/**
 * The scam shield of economy.md §5: which patterns a message trips. Contact details only count before
 * a contract exists; requests to pay off-platform, cash checks, pay deposits or use crypto always
 * do. A non-empty result warns the recipient and flags the conversation for admins.
 */
export function scanMessage(
  text: string,
  options: { hasContract?: boolean; patterns?: readonly ScamPattern[] } = {},
): ScamMatch[] {
  const { hasContract = false, patterns = DEFAULT_SETTINGS.scamShieldPatterns } = options;
  const matches: ScamMatch[] = [];
  for (const pattern of patterns) {
    if (hasContract && pattern.category === "contact") continue;
    const found = new RegExp(pattern.source, pattern.flags).exec(text);
    if (found) matches.push({ patternId: pattern.id, label: pattern.label, category: pattern.category, excerpt: found[0] });
  }
  return matches;
}

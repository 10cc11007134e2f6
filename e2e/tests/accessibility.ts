import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./test";

/** WCAG 2.0 A and AA, with 2.1 and 2.2 AA: the rules axe-core checks. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/** What fails a journey; axe's "moderate" and "minor" findings do not. */
const BLOCKING = new Set(["serious", "critical"]);
/** Elements listed per rule in the message; the count says how many more there are. */
const SHOWN = 8;

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

/** One rule's violation as lines a person can act on: rule, impact, what to do, then each element with axe's reason. */
function describe(violation: Violation): string {
  const nodes = violation.nodes.slice(0, SHOWN).map((node) => {
    const target = node.target.map((part) => (Array.isArray(part) ? part.join(" >>> ") : part)).join(" in ");
    const why = [...node.any, ...node.all, ...node.none].map((check) => check.message).find(Boolean);
    return `    ${target}${why ? `: ${why}` : ""}`;
  });
  const more = violation.nodes.length > SHOWN ? [`    … and ${violation.nodes.length - SHOWN} more`] : [];
  return [`${violation.id} (${violation.impact}): ${violation.help} (${violation.helpUrl})`, ...nodes, ...more].join("\n");
}

/**
 * Runs axe-core on the page as it is now (WCAG 2 A/AA, 2.1 and 2.2 AA) and fails the test on any
 * serious or critical violation, listing each rule, its impact, what to do and the elements. The
 * failure is soft: the journey goes on, so one run lists every page's violations, and the test
 * fails at its end. `label` names the page and state in the message ("/jobs at 390 px").
 */
export async function expectAccessible(page: Page, label: string) {
  // axe.run() in the page itself (the app has no iframes), not in a new blank page per check, and
  // only the violations' details collected: several times faster, and the same violations.
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).options({ resultTypes: ["violations"] }).setLegacyMode().analyze();
  const blocking = violations.filter((violation) => BLOCKING.has(violation.impact ?? ""));
  expect.soft(blocking.map(describe).join("\n"), `${label}: serious or critical accessibility violations`).toBe("");
}

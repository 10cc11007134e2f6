import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "@playwright/test";
import { e2eEnv } from "../env";

/**
 * Screenshots for people to look at, in e2e/.screenshots (git-ignored): taken unless
 * E2E_SCREENSHOTS=0, and by default not in CI, where nobody looks at them (the checks that come
 * with them, axe and the width of the page, run either way).
 */
export const SCREENSHOTS = e2eEnv.E2E_SCREENSHOTS ? e2eEnv.E2E_SCREENSHOTS === "1" : !e2eEnv.CI;

const dir = join(import.meta.dirname, "..", ".screenshots");

/** `name`.png of the page (the whole page unless `fullPage: false`) or of one element, when screenshots are on. */
export async function screenshot(target: Page | Locator, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name.replace(/^\//, "").replaceAll("/", "-") || "home"}.png`);
  await ("goto" in target ? target.screenshot({ path, fullPage: options.fullPage ?? true }) : target.screenshot({ path }));
}

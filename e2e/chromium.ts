import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";
import { e2eEnv } from "./env";

/**
 * The browser to drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else a
 * browser installed by Playwright, else a message saying how to get one.
 * (No browser is ever downloaded by this project.)
 */
export function findChromium(): string {
  const candidates = [e2eEnv.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // no Playwright-managed browser
  }
  throw new Error(
    "No Chromium found for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`), " +
      "or set CHROMIUM_PATH to a Chromium/Chrome executable, or run `npx playwright install chromium` where downloads are allowed.",
  );
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

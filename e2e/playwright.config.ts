import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./chromium";
import { chooseE2ePort } from "./port";
import { e2eEnv } from "./env";

// E2E_PORT, or a free port chosen once here and inherited by the workers, so that
// two runs on one machine do not collide.
const port = await chooseE2ePort();
export const baseURL = `http://localhost:${port}`;

/** The journeys that move the server's demo clock (every other spec expects the real time). */
const CLOCK_SPECS = ["**/disputes.spec.ts", "**/full-cycle.spec.ts", "**/notifications-journey.spec.ts"];
const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
};

export default defineConfig({
  testDir: "./tests",
  // Per port, so that two runs at once never share traces and screenshots.
  outputDir: `test-results/port-${port}`,
  // Two browsers at once, a spec file each; the journeys that move the shared demo clock run
  // after them, one at a time (the "clock" project), so no other spec sees time jump.
  fullyParallel: false,
  workers: 2,
  retries: e2eEnv.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: e2eEnv.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", testIgnore: CLOCK_SPECS, use: browser },
    { name: "clock", testMatch: CLOCK_SPECS, workers: 1, dependencies: ["chromium"], use: browser },
  ],
  // The built app on its own fresh database (never the demo database).
  webServer: {
    command: `tsx scripts/serve-e2e.ts`,
    url: `${baseURL}/sign-in`,
    // Every journey signs up from this one address: more than the 10 sign-ups an hour it would otherwise allow.
    env: { E2E_PORT: String(port), FAIRLANCE_SIGN_UP_LIMIT: "1000" },
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});

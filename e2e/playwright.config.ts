import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./chromium";
import { chooseE2ePort } from "./port";
import { e2eEnv } from "./env";

// E2E_PORT, or a free port chosen once here and inherited by the workers, so that
// two runs on one machine do not collide.
const port = await chooseE2ePort();
export const baseURL = `http://localhost:${port}`;

/**
 * The journeys that change what every other journey sees: the demo clock moved a week on
 * (disputes, full-cycle) and the marketplace settings and the demo freelancer Gus warned (admin).
 * They run in the "serial" project, one at a time and after every other journey, never beside
 * one; the rest run two at a time (README, "Running"). A new spec that moves the clock or changes
 * a setting or a demo person's standing goes in this list.
 */
const SERIAL = ["admin.spec.ts", "disputes.spec.ts", "full-cycle.spec.ts"];
const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
};

export default defineConfig({
  testDir: "./tests",
  // Per port, so that two runs at once never share traces and screenshots.
  outputDir: `test-results/port-${port}`,
  fullyParallel: false,
  // Two files at a time (each file's tests in order, in one worker); the serial project one at a time.
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
    { name: "chromium", use: chromium, testIgnore: SERIAL },
    // After the others (a failure among them skips these, as Playwright's dependencies do), alone.
    { name: "serial", use: chromium, testMatch: SERIAL, workers: 1, dependencies: ["chromium"] },
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

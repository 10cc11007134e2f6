import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "./test";
import { signIn } from "./helpers";

// Screenshots of the main pages at desktop and phone widths, for people to look at
// (written to e2e/.screenshots, git-ignored).
const dir = join(import.meta.dirname, "..", ".screenshots");
/** Pages beyond the dashboard, per role. */
const MORE = { freelancer: ["/account"], client: ["/client/offers/new"], admin: [] as string[] };
const widths = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

for (const [device, viewport] of Object.entries(widths)) {
  test(`screenshots of the main pages (${device})`, async ({ browser }) => {
    mkdirSync(dir, { recursive: true });
    const page = await browser.newPage({ viewport });
    for (const path of ["/", "/sign-up", "/sign-in"]) {
      await page.goto(path);
      await page.screenshot({ path: join(dir, `${device}${path === "/" ? "-home" : path.replaceAll("/", "-")}.png`), fullPage: true });
    }
    for (const [role, email, password] of [
      ["freelancer", "fran@fairlance.test", "fairlance-demo"],
      ["client", "carol@acme.test", "fairlance-demo"],
      ["admin", "admin@fairlance.test", "fairlance-admin"],
    ] as const) {
      await signIn(page, email, password);
      await page.getByRole("heading", { name: /Welcome/ }).waitFor();
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: join(dir, `${device}-dashboard-${role}.png`), fullPage: true });
      for (const path of MORE[role]) {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        await page.screenshot({ path: join(dir, `${device}-${role}${path.replaceAll("/", "-")}.png`), fullPage: true });
      }
      await page.getByRole("button", { name: "Sign out", exact: true }).click();
      await page.getByRole("heading", { name: "Sign in to Fairlance" }).waitFor();
    }
    await page.close();
  });
}

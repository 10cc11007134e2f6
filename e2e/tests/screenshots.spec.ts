import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "./test";
import { signIn, signOut } from "./helpers";

// Screenshots of the main pages at desktop and phone widths, for people to look at
// (written to e2e/.screenshots, git-ignored).
const dir = join(import.meta.dirname, "..", ".screenshots");
/** Pages beyond the dashboard, per role. */
const MORE = { freelancer: ["/account", "/earnings", "/connects"], client: ["/client/offers/new"], admin: ["/admin/ledger"] };
const widths = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

for (const [device, viewport] of Object.entries(widths)) {
  test(`screenshots of the main pages (${device})`, async ({ browser }) => {
    // Three roles and a dozen pages on a shared machine: more than the default minute.
    test.setTimeout(180_000);
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
        // The charts, drawn once their data is in.
        if (path === "/earnings") await page.getByRole("img", { name: /Net earned per week/ }).waitFor();
        if (path === "/connects") await page.getByRole("img", { name: /Connects spent/ }).waitFor();
        if (path === "/admin/ledger") {
          await page.getByRole("img", { name: /Platform revenue by week/ }).waitFor();
          // The reconciliation report as an admin sees it after running it.
          await page.getByRole("button", { name: "Run reconciliation now" }).click();
          await page.getByTestId("reconciliation-report").getByText(/Everything matches|to look into/).waitFor();
        }
        await page.screenshot({ path: join(dir, `${device}-${role}${path.replaceAll("/", "-")}.png`), fullPage: true });
      }
      await signOut(page);
    }
    await page.close();
  });
}

import { type BrowserContext, type Page } from "@playwright/test";
import { expect, test } from "./test";
import { signIn, signOut, signUp, uniqueEmail } from "./helpers";

// What an outside attacker found, tried again against the production build over real HTTP:
// saved session tokens after sign-out, a password change and "sign out everywhere"; forged
// forwarding headers; control characters and __proto__; answers a cache could keep.

/** The session cookie a browser context holds, as a Cookie header someone could have copied. */
async function savedSession(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie, "signed in").toBeDefined();
  return `${cookie!.name}=${cookie!.value}`;
}

/** me.get with a saved cookie, as a script elsewhere would send it. */
async function whoAmI(page: Page, cookie: string) {
  const response = await page.request.get("/api/trpc/me.get", { headers: { cookie }, failOnStatusCode: false });
  return { status: response.status(), text: await response.text(), cacheControl: response.headers()["cache-control"] };
}

test("signing out ends this browser's session, a copied token of it too, and leaves the person's other devices signed in", async ({ page, browser }) => {
  const person = { name: "Sally Saved", email: uniqueEmail("sally"), password: "tangerine-sunset-42", role: "freelancer" as const };
  await signUp(page, person);
  const copied = await savedSession(page.context());
  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  await signIn(phonePage, person.email, person.password);
  await expect(phonePage.getByRole("heading", { name: `Welcome, ${person.name}` })).toBeVisible();

  const before = await whoAmI(page, copied);
  expect(before.status, before.text).toBe(200);
  expect(before.text).toContain(person.email);
  expect(before.cacheControl).toMatch(/^no-store(, no-transform)?$/);

  await signOut(page);
  const after = await whoAmI(page, copied);
  expect(after.status).toBe(401);
  expect(after.text).toContain("Your session has ended. Sign in again.");
  // The phone has its own session: signing out on the laptop does not end it.
  await phonePage.goto("/earnings");
  await expect(phonePage).toHaveURL(/\/earnings/);
  await expect(phonePage.getByRole("heading", { level: 1, name: "Earnings" })).toBeVisible();
  await phone.close();
});

test("a password change and the account page's 'sign out on every device' end saved sessions", async ({ page, browser }) => {
  // A sign-up, three sign-ins and a password change: beside another journey on a busy machine, more than the default minute.
  test.setTimeout(120_000);
  const person = { name: "Pete Password", email: uniqueEmail("pete"), password: "walnut-harbor-lantern-7", role: "client" as const };
  await signUp(page, person);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, person.email, person.password);
  await expect(otherPage.getByRole("heading", { name: `Welcome, ${person.name}` })).toBeVisible();
  const copied = await savedSession(other);
  expect((await whoAmI(page, copied)).status).toBe(200);

  // Sign out on every device, from the first browser.
  await page.goto("/account");
  await page.getByRole("button", { name: /Sign out on every device/ }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await whoAmI(page, copied)).status).toBe(401);

  // Signed in again on the other device, then the password changes: that session ends too.
  await signIn(otherPage, person.email, person.password);
  await expect(otherPage.getByRole("heading", { name: `Welcome, ${person.name}` })).toBeVisible();
  const copiedAgain = await savedSession(other);
  await signIn(page, person.email, person.password);
  await expect(page.getByRole("heading", { name: `Welcome, ${person.name}` })).toBeVisible();
  await page.goto("/account");
  await page.getByLabel("Current password").fill(person.password);
  await page.getByLabel("New password", { exact: true }).fill("copper-meadow-violin-88");
  await page.getByLabel(/Repeat/).fill("copper-meadow-violin-88");
  await page.getByRole("button", { name: "Change password" }).click();
  // This browser stays signed in; the other one's session ends.
  await expect(page.getByText("Your password was changed, and every other browser was signed out.")).toBeVisible();
  expect((await whoAmI(page, copiedAgain)).status).toBe(401);
  expect((await whoAmI(page, await savedSession(page.context()))).status).toBe(200);
  await other.close();
});

test("the API refuses forged forwarding headers, control characters and __proto__ with a 4xx, and answers no-store", async ({ page }) => {
  await signIn(page, "carol@acme.test", "fairlance-demo");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  const cookie = await savedSession(page.context());
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    page.request.post(`/api/trpc/${path}`, { headers: { cookie, "content-type": "application/json", ...headers }, data: body, failOnStatusCode: false });

  // A page on another site naming itself as this one through X-Forwarded-Host.
  const forged = await post("payout.addMethod", JSON.stringify({ json: { kind: "PAYPAL", account: "c@x.test", label: "x" } }), { origin: "http://evil.example", "x-forwarded-host": "evil.example" });
  expect(forged.status()).toBe(403);
  expect(forged.headers()["cache-control"]).toMatch(/^no-store(, no-transform)?$/);

  // The superjson types that overflowed the decoder's stack, before sign-in.
  const custom = await page.request.post("/api/trpc/auth.signUp", {
    headers: { "content-type": "application/json" },
    data: '{"json":{"email":"x"},"meta":{"values":{"email":["custom","x"]}}}',
    failOnStatusCode: false,
  });
  expect(custom.status()).toBe(400);
  expect(await custom.text()).not.toMatch(/stack|RangeError/i);

  // NUL in public text, and __proto__ as a field.
  const search = await page.request.get(`/api/trpc/job.search?input=${encodeURIComponent(JSON.stringify({ json: { q: "design\u0000" } }))}`, { failOnStatusCode: false });
  expect(search.status()).toBe(400);
  expect(await search.text()).toContain('The field \\"q\\" contains a control character (U+0000)');
  const proto = await post("payout.addMethod", '{"json":{"__proto__":{"role":"ADMIN"},"kind":"PAYPAL","account":"c@x.test","label":"x"}}');
  expect(proto.status()).toBe(400);
  expect(await proto.text()).toContain("__proto__");
});

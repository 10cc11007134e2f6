import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type Page } from "@playwright/test";
import { screenshot } from "./screenshots";
import { expect, test } from "./test";
import { e2ePort, freePort } from "../port";
import { serverFiles, webRoot } from "../scripts/server-files";
import { signIn, signOut, signUp, uniqueEmail } from "./helpers";
import { dbEnv } from "../env";

// Security basics against the production build: the sign-in throttle, the
// session cookie, the security headers in a real browser, the start-up refusal
// of a guessable secret, and server logs free of secrets.

const port = e2ePort();
const baseURL = `http://localhost:${port}`;
const e2eRoot = join(import.meta.dirname, "..");
const DEMO = { email: "fran@fairlance.test", password: "fairlance-demo" };
const ADMIN = { email: "admin@fairlance.test", password: "fairlance-admin" };
/** Passwords this file types, searched for in the server log at the end. */
const TYPED_PASSWORDS = ["wrong-guess-0", "secure-pass-alpha-1", "secure-pass-bravo-2", "card-owner-password-3"];

/** `user:password@` of DATABASE_URL, or of the embedded PostgreSQL the e2e server starts. */
function databaseCredentials() {
  const url = dbEnv.DATABASE_URL ? new URL(dbEnv.DATABASE_URL) : null;
  return url?.password ? `${url.username}:${url.password}@` : "postgres:postgres@";
}

/** Signs in the way the sign-in form does, over plain HTTP; returns the refusal (if any) and the cookies set. */
async function signInOverHttp(base: string, email: string, password: string, headers: Record<string, string> = {}) {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const { url } = (await response.json()) as { url: string };
  return { error: new URL(url).searchParams.get("error"), cookies: response.headers.getSetCookie() };
}

/** The session cookie's name and lower-cased attributes. */
function sessionCookie(setCookies: string[]) {
  const cookie = setCookies.find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
  expect(cookie, "a session cookie is set").toBeDefined();
  const [pair, ...attributes] = cookie!.split(";").map((part) => part.trim());
  return { name: pair!.split("=")[0], attributes: attributes.map((a) => a.toLowerCase()) };
}

function expectSecurityHeaders(headers: Record<string, string>, { https }: { https: boolean }) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'(;|$)/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'(;|$)/);
  for (const directive of ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
    expect(csp).toContain(directive);
  }
  expect(csp).toMatch(/connect-src 'self'(;|$)/);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  if (https) {
    expect(headers["strict-transport-security"]).toMatch(/max-age=\d{8}/);
    expect(csp).toContain("upgrade-insecure-requests");
  } else {
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(csp).not.toContain("upgrade-insecure-requests");
  }
}

/** Collects every CSP violation the page reports, from the console and from the DOM event. */
async function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
  await page.exposeFunction("reportCspViolation", (violation: string) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation;
      report(`${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`);
    });
  });
  return violations;
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  await page.waitForLoadState("load");
  expectSecurityHeaders(response!.headers(), { https: false });
  return response!.headers()["content-security-policy"];
}

/** Runs a process to its end (or kills it after `ms`), with everything it printed. */
function runToExit(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; ms: number }) {
  return new Promise<{ code: number | null; output: string; timedOut: boolean }>((resolve) => {
    const proc = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    proc.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      proc.kill("SIGKILL");
    }, options.ms);
    proc.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut });
    });
  });
}

/** A second e2e server (own database) with extra settings; stopped by the returned function. */
async function startExtraServer(env: Record<string, string>) {
  const extraPort = await freePort();
  const proc = spawn(join(e2eRoot, "node_modules", ".bin", "tsx"), ["scripts/serve-e2e.ts"], {
    cwd: e2eRoot,
    env: { ...process.env, ...env, E2E_PORT: String(extraPort) },
    stdio: ["ignore", "ignore", "ignore"],
  });
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const base = `http://localhost:${extraPort}`;
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error("the extra e2e server exited while starting");
    const ready = await fetch(`${base}/sign-in`).then((r) => r.ok, () => false);
    if (ready) return { base, port: extraPort, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error("the extra e2e server did not start within 90 s");
}

test("after 5 wrong passwords this address waits before the next try, and another account still signs in", async ({ page }) => {
  // Two sign-ups with their emails confirmed and seven sign-ins: beside another journey on a busy machine, more than the default minute.
  test.setTimeout(120_000);
  const target = { name: "Tara Target", email: uniqueEmail("tara"), password: TYPED_PASSWORDS[1]!, role: "client" as const };
  const bystander = { name: "Ben Bystander", email: uniqueEmail("ben"), password: TYPED_PASSWORDS[2]!, role: "freelancer" as const };
  for (const user of [target, bystander]) {
    await signUp(page, user);
    await signOut(page);
  }

  const alert = page.getByRole("main").getByRole("alert");
  for (let attempt = 0; attempt < 5; attempt++) {
    await signIn(page, target.email, `wrong-guess-${attempt}`);
    await expect(alert).toHaveText("Wrong email or password.");
  }
  await signIn(page, target.email, target.password);
  await expect(alert).toHaveText(/^Too many wrong passwords were tried\. Try again in \d+ seconds\.$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);

  // Same browser, same address: the other account has no failures from here and is not held back.
  await signIn(page, bystander.email, bystander.password);
  await expect(page.getByRole("heading", { name: `Welcome, ${bystander.name}` })).toBeVisible();
});

test("the session cookie is HttpOnly, SameSite=Lax, Path=/ and, over plain http, not Secure", async ({ page }) => {
  const { error, cookies } = await signInOverHttp(baseURL, DEMO.email, DEMO.password);
  expect(error).toBeNull();
  const cookie = sessionCookie(cookies);
  expect(cookie.name).toBe("next-auth.session-token");
  expect(cookie.attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/"]));
  expect(cookie.attributes).not.toContain("secure");

  // The browser agrees, and page scripts cannot read it.
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  const stored = (await page.context().cookies()).find((c) => c.name === "next-auth.session-token");
  expect(stored).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", secure: false });
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});

test("pages carry a nonce CSP and the security headers, the browser reports no violation, and the pages hydrate", async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watchCsp(page);

  // Public pages; each response has its own nonce.
  const first = await visit(page, "/");
  const second = await visit(page, "/sign-in");
  expect(first).not.toBe(second);
  await visit(page, "/sign-up");
  await visit(page, "/no-such-page");
  await screenshot(page, "security-not-found", { fullPage: false });

  // A new client: the sign-up form, then adding a card are client-side code (tRPC over fetch).
  const client = { name: "Cora Cardholder", email: uniqueEmail("cora"), password: TYPED_PASSWORDS[3]!, role: "client" as const };
  await page.goto("/sign-up");
  await signUp(page, client);
  await visit(page, "/billing/methods");
  await page.getByLabel("Card number").fill("4242 4242 4242 4241");
  await page.getByLabel("Expiry (MM/YY)").fill("12/30");
  await page.getByLabel("CVC").fill("321");
  await page.getByRole("button", { name: "Add card" }).click();
  await expect(page.getByText("The card number is not valid.")).toBeVisible();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: "Add card" }).click();
  await expect(page.getByText(/4242 added and verified/)).toBeVisible();
  await screenshot(page, "security-billing-methods");
  for (const path of ["/dashboard", "/billing", "/client/jobs", "/jobs/new"]) await visit(page, path);
  await signOut(page);

  // The demo freelancer: pages with charts and money, and a client-side navigation.
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  for (const path of ["/jobs", "/proposals", "/contracts", "/connects", "/earnings", "/payouts"]) await visit(page, path);
  await page.getByRole("banner").getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await signOut(page);

  // The admin console, with a tRPC mutation.
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  for (const path of ["/admin/settings", "/admin/people", "/admin/audit", "/admin/ledger"]) await visit(page, path);
  await page.getByRole("button", { name: "Run the invariant check" }).click();
  await expect(page.getByText(/All invariants hold/)).toBeVisible();
  await screenshot(page, "security-admin-ledger");

  expect(violations).toEqual([]);
});

test("a production server refuses to start with a missing, short or placeholder session secret", async () => {
  test.setTimeout(120_000);
  const next = join(webRoot, "node_modules", ".bin", "next");
  for (const [secret, reason] of [
    [undefined, "NEXTAUTH_SECRET is not set."],
    ["secret", "NEXTAUTH_SECRET is only 6 characters long; it needs at least 32."],
    ["changeme-changeme-changeme-changeme-2026", 'NEXTAUTH_SECRET looks like a placeholder (it contains "changeme").'],
  ] as const) {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" };
    delete env.NEXTAUTH_SECRET;
    if (secret) env.NEXTAUTH_SECRET = secret;
    const run = await runToExit(next, ["start", "-p", String(await freePort())], { cwd: webRoot, env, ms: 30_000 });
    expect(run.timedOut, `the server kept running with ${secret ?? "no secret"}:\n${run.output}`).toBe(false);
    expect(run.code).toBe(1);
    expect(run.output).toContain(`Refusing to start: ${reason}`);
    expect(run.output).toContain("openssl rand -base64 32");
  }
});

test("behind HTTPS the cookie is Secure and __Secure-, HSTS is sent, and a forged X-Forwarded-For does not dodge the address limit", async ({ browser }) => {
  test.setTimeout(180_000);
  const server = await startExtraServer({ E2E_NEXTAUTH_URL: "https://localhost" });
  try {
    const page = await browser.newPage();
    const response = await page.goto(`${server.base}/sign-in`);
    expectSecurityHeaders(response!.headers(), { https: true });
    await page.close();

    const { error, cookies } = await signInOverHttp(server.base, DEMO.email, DEMO.password);
    expect(error).toBeNull();
    const cookie = sessionCookie(cookies);
    expect(cookie.name).toBe("__Secure-next-auth.session-token");
    expect(cookie.attributes).toEqual(expect.arrayContaining(["httponly", "samesite=lax", "path=/", "secure"]));

    // 30 failures (the per-address allowance before any wait), each claiming another address for another account.
    for (let i = 0; i < 30; i++) {
      const attempt = await signInOverHttp(server.base, `nobody-${i}@e2e.test`, TYPED_PASSWORDS[0]!, {
        "x-forwarded-for": `198.51.100.${i + 1}`,
        "x-real-ip": `198.51.100.${i + 1}`,
      });
      expect(attempt.error).toBe("Wrong email or password.");
    }
    // They all counted against the one real address: a right password from it must wait, whatever it claims.
    for (const headers of [{ "x-forwarded-for": "203.0.113.77" }, {}] as Record<string, string>[]) {
      const refused = await signInOverHttp(server.base, ADMIN.email, ADMIN.password, headers);
      expect(refused.error).toMatch(/^Too many wrong passwords were tried\. Try again in \d+ seconds\.$/);
    }
  } finally {
    await server.stop();
  }
  const files = serverFiles(server.port);
  const log = readFileSync(files.log, "utf8");
  expect(log).not.toContain(readFileSync(files.secret, "utf8"));
  for (const password of [TYPED_PASSWORDS[0]!, DEMO.password, ADMIN.password]) expect(log).not.toContain(password);
  // Kept when a check fails, to look at.
  rmSync(files.log);
  rmSync(files.secret);
});

test("the web server's and the runner's output holds no secret, password or card number", async () => {
  const files = serverFiles(port);
  const log = readFileSync(files.log, "utf8");
  // The right file: the runner announces itself in it.
  expect(log).toContain("[runner] started");
  const secrets = {
    "the session secret": readFileSync(files.secret, "utf8").trim(),
    "the database credentials": databaseCredentials(),
    "the demo password": DEMO.password,
    "the admin password": ADMIN.password,
    "a card number": "4242424242424242",
    "a spaced card number": "4242 4242 4242 424",
    ...Object.fromEntries(TYPED_PASSWORDS.map((p) => [`the typed password ${p}`, p])),
  };
  for (const [what, value] of Object.entries(secrets)) {
    expect(value.length, what).toBeGreaterThan(5);
    expect(log.includes(value), `${what} is in ${files.log}`).toBe(false);
  }
});

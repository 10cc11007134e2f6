// The `pages` part: Lighthouse (mobile preset) on every route of apps/web, each signed-in page
// with a session of each role that may see it, `runsPerPage` runs each. The run with the median
// performance score is the page's figures. See BENCHMARKS.md, "Pages in Lighthouse".
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Result } from "lighthouse";
import { signIn } from "../harness";
import { htmlReport, runLighthouse, type LighthouseRun } from "./lighthouse";
import type { PagesMarketplace, SignedInRole } from "./pages-seed";

/** The targets every page must meet (the issue's), in one place: verdicts, report and docs read them. */
export const PAGE_TARGETS = {
  /** Lighthouse performance score, at least. */
  performance: 95,
  /** Largest Contentful Paint, at most, in ms. */
  lcpMs: 2_000,
  /** Total Blocking Time, at most, in ms. */
  tbtMs: 150,
  /** Cumulative Layout Shift, at most. */
  cls: 0.02,
  /** Accessibility and best-practices scores, at least. */
  accessibility: 100,
  bestPractices: 100,
} as const;

export type PageRole = "visitor" | SignedInRole;

interface PageSpec {
  /** The route as apps/web/app names it (route groups left out). */
  route: string;
  /** Who opens it: a visitor (signed out) or a session of each role that may see it. */
  roles: readonly PageRole[];
  /** The URL, when the route needs ids or a query. */
  url?: (m: PagesMarketplace) => string;
  /** Measured in a quick run, as this role (a sample: one page of each kind). */
  sample?: PageRole;
}

/** Every page of the app, with the sessions and ids that open it on the seeded marketplace. */
export const PAGES: readonly PageSpec[] = [
  { route: "/", roles: ["visitor"], sample: "visitor" },
  { route: "/sign-in", roles: ["visitor"], sample: "visitor" },
  { route: "/sign-up", roles: ["visitor"] },
  // Accounts (issue 16): the emailed links' pages, with a token of the right shape.
  { route: "/forgot-password", roles: ["visitor"] },
  { route: "/reset-password", roles: ["visitor"], url: () => `/reset-password?token=${"A".repeat(43)}` },
  { route: "/verify-email", roles: ["visitor"], url: () => `/verify-email?token=${"A".repeat(43)}` },
  { route: "/dashboard", roles: ["freelancer", "client", "admin"], sample: "client" },
  { route: "/account", roles: ["freelancer", "client"] },
  { route: "/disputes/[id]", roles: ["client", "freelancer", "admin"], url: (m) => `/disputes/${m.disputeId}`, sample: "client" },
  { route: "/contracts", roles: ["freelancer", "client"] },
  { route: "/contracts/[id]", roles: ["freelancer", "client"], url: (m) => `/contracts/${m.contractId}`, sample: "freelancer" },
  { route: "/billing/methods", roles: ["client", "freelancer"] },
  { route: "/jobs", roles: ["freelancer"], sample: "freelancer" },
  { route: "/jobs/[id]", roles: ["freelancer"], url: (m) => `/jobs/${m.openJobId}` },
  { route: "/proposals", roles: ["freelancer"] },
  { route: "/connects", roles: ["freelancer"] },
  { route: "/earnings", roles: ["freelancer"] },
  { route: "/payouts", roles: ["freelancer"] },
  { route: "/client/jobs", roles: ["client"] },
  { route: "/client/jobs/[id]", roles: ["client"], url: (m) => `/client/jobs/${m.clientJobId}`, sample: "client" },
  { route: "/client/jobs/[id]/hire/[proposalId]", roles: ["client"], url: (m) => `/client/jobs/${m.hireJobId}/hire/${m.hireProposalId}` },
  { route: "/client/offers/new", roles: ["client"], url: (m) => `/client/offers/new?freelancerId=${m.logins.freelancer.id}` },
  { route: "/jobs/new", roles: ["client"] },
  { route: "/billing", roles: ["client"] },
  { route: "/profile", roles: ["freelancer", "client"], sample: "freelancer" },
  { route: "/freelancers/[id]", roles: ["visitor", "freelancer", "client"], url: (m) => `/freelancers/${m.logins.freelancer.id}`, sample: "visitor" },
  { route: "/clients/[id]", roles: ["freelancer", "client"], url: (m) => `/clients/${m.logins.client.id}` },
  // Talent (issue 15): search, saved freelancers, invitations and saved jobs (the demo seeds one of each).
  { route: "/talent", roles: ["client"], sample: "client" },
  { route: "/talent/saved", roles: ["client"] },
  { route: "/invitations", roles: ["freelancer"] },
  { route: "/saved", roles: ["freelancer"] },
  // The inbox (issue 16): the list for every role, and the contract's conversation.
  { route: "/messages", roles: ["freelancer", "client", "admin"], sample: "client" },
  { route: "/messages/[kind]/[id]", roles: ["freelancer", "client"], url: (m) => `/messages/contract/${m.contractId}` },
  // Notifications (issue 16): everyone signed in has the list (the bell is in every page's header).
  { route: "/notifications", roles: ["freelancer", "client", "admin"] },
  // Reports (issue 19 §2): what a person reported, and what was decided.
  { route: "/reports", roles: ["freelancer", "client"] },
  { route: "/admin", roles: ["admin"], sample: "admin" }, // a redirect to /admin/settings: the session must survive it
  { route: "/admin/settings", roles: ["admin"], sample: "admin" },
  { route: "/admin/people", roles: ["admin"] },
  { route: "/admin/disputes", roles: ["admin"] },
  { route: "/admin/moderation", roles: ["admin"] },
  { route: "/admin/ledger", roles: ["admin"] },
  { route: "/admin/audit", roles: ["admin"] },
  { route: "/admin/jobs-runs", roles: ["admin"] },
  // Email (issue 16): the demo mailbox, one email in it, an email's unsubscribe page.
  { route: "/mailbox", roles: ["visitor"] },
  { route: "/mailbox/[id]", roles: ["visitor"], url: (m) => `/mailbox/${m.emailId}` },
  { route: "/unsubscribe", roles: ["visitor"], url: (m) => m.unsubscribePath },
];

export interface PageResult {
  route: string;
  /** Null for a route that was not measured. */
  role: PageRole | null;
  /** The URL opened (path and query). */
  path: string;
  runs: LighthouseRun[];
  /** The run with the median performance score; none when no run could measure the page. */
  median: LighthouseRun | null;
  /** Each performance score, in run order. */
  performanceScores: (number | null)[];
  met: boolean;
  /** Why it missed: each target not met, in words. */
  reasons: string[];
}

export interface PagesRun {
  runsPerPage: number;
  /** A quick run measures a sample of the pages. */
  sample: boolean;
  pages: PageResult[];
  reportDir: string;
  lighthouse: string;
  browser: string;
  /** Median of Lighthouse's CPU benchmark over the runs. */
  benchmarkIndex: number | null;
  warnings: string[];
  seconds: number;
}

/** The routes of apps/web/app: each folder with a page.tsx, route groups `(name)` left out. */
export function appRoutes(appDir: string): string[] {
  const routes: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name === "page.tsx") {
        const segments = relative(appDir, dir).split(sep).filter((s) => s && !/^\(.*\)$/.test(s));
        routes.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(appDir);
  return routes.sort();
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const clsText = (value: number) => value.toFixed(3);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The targets a run misses, in words ("LCP 2.31 s > 2.0 s"). */
export function missedTargets(run: LighthouseRun): string[] {
  const t = PAGE_TARGETS;
  const reasons: string[] = [];
  const { performance, accessibility, bestPractices } = run.scores;
  if (performance === null || performance < t.performance) reasons.push(`performance ${performance ?? "none"} < ${t.performance}`);
  const d = run.diagnosis;
  if (run.lcpMs === null || run.lcpMs > t.lcpMs) {
    // Why, when the report says: the paint came early in the real load, and the simulation makes it wait for the script downloaded before it.
    const why =
      d.observedLcpMs !== null && d.scriptBytesBeforeLcp > 0
        ? ` (painted at ${seconds(d.observedLcpMs)} unthrottled; the simulated slow 4G first downloads the ${kb(d.scriptBytesBeforeLcp)} of JavaScript requested before that paint)`
        : "";
    reasons.push(`LCP ${run.lcpMs === null ? "none" : seconds(run.lcpMs)} > ${(t.lcpMs / 1000).toFixed(1)} s${why}`);
  }
  if (run.tbtMs === null || run.tbtMs > t.tbtMs) {
    const why = d.scriptEvaluationMs !== null ? ` (script evaluation ${Math.round(d.scriptEvaluationMs)} ms at the 4× slowdown)` : "";
    reasons.push(`TBT ${run.tbtMs === null ? "none" : `${Math.round(run.tbtMs)} ms`} > ${t.tbtMs} ms${why}`);
  }
  if (run.cls === null || run.cls > t.cls) reasons.push(`CLS ${run.cls === null ? "none" : clsText(run.cls)} > ${t.cls}`);
  const ids = (list: { id: string }[]) => (list.length ? `: ${list.map((a) => a.id).join(", ")}` : "");
  if (accessibility === null || accessibility < t.accessibility) reasons.push(`accessibility ${accessibility ?? "none"} < ${t.accessibility}${ids(run.failing.accessibility)}`);
  if (bestPractices === null || bestPractices < t.bestPractices) reasons.push(`best practices ${bestPractices ?? "none"} < ${t.bestPractices}${ids(run.failing.bestPractices)}`);
  return reasons;
}

/** The run with the median performance score (of those that measured the page). */
export function medianRun(runs: readonly LighthouseRun[]): LighthouseRun | null {
  const measured = runs.filter((r) => !r.error && r.scores.performance !== null);
  if (!measured.length) return null;
  const sorted = [...measured].sort((a, b) => a.scores.performance! - b.scores.performance! || (a.lcpMs ?? 0) - (b.lcpMs ?? 0));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** `next-auth.session-token` from a sign-in's cookies (the only cookie a page needs). */
function sessionCookie(cookies: string): { name: string; value: string } {
  const session = cookies.split("; ").find((pair) => /^(__Secure-)?next-auth\.session-token=/.test(pair));
  if (!session) throw new Error("the sign-in gave no session cookie");
  const at = session.indexOf("=");
  return { name: session.slice(0, at), value: session.slice(at + 1) };
}

const slug = (route: string) => (route === "/" ? "home" : route.slice(1).replace(/[[\]]/g, "").replace(/\//g, "-"));
const median = (values: number[]) => (values.length ? [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]! : null);

export async function runPages(options: {
  webUrl: string;
  appDir: string;
  marketplace: PagesMarketplace;
  runsPerPage: number;
  sample: boolean;
  reportDir: string;
  chromePath: string;
  log: (line: string) => void;
}): Promise<PagesRun> {
  const { webUrl, marketplace, runsPerPage, log } = options;
  const started = performance.now();
  rmSync(options.reportDir, { recursive: true, force: true });
  mkdirSync(options.reportDir, { recursive: true });

  const cookies: Record<PageRole, { name: string; value: string } | null> = { visitor: null, freelancer: null, client: null, admin: null };
  for (const role of ["freelancer", "client", "admin"] as const) {
    const login = marketplace.logins[role];
    cookies[role] = sessionCookie(await signIn(webUrl, login.email, login.password));
  }

  const listed = new Set(PAGES.map((p) => p.route));
  const routes = appRoutes(options.appDir);
  const visits = PAGES.filter((spec) => routes.includes(spec.route)).flatMap((spec) => spec.roles.filter((role) => !options.sample || role === spec.sample).map((role) => ({ spec, role, path: spec.url ? spec.url(marketplace) : spec.route })));
  log(`[bench] pages: ${visits.length} pages (${routes.length} routes), ${runsPerPage} Lighthouse run${runsPerPage > 1 ? "s" : ""} each; reports in ${options.reportDir}`);

  // Once each before measuring, so no run pays for loading a route's server code.
  for (const visit of visits) {
    const cookie = cookies[visit.role];
    const response = await fetch(`${webUrl}${visit.path}`, { headers: cookie ? { cookie: `${cookie.name}=${cookie.value}` } : {} });
    await response.arrayBuffer();
    const landed = new URL(response.url).pathname;
    if (response.status !== 200 || (cookie && landed.startsWith("/sign-in"))) log(`[bench] pages: warm-up of ${visit.path} as ${visit.role} answered ${response.status} from ${landed}`);
  }

  // Round by round (every page once, then again…), so a burst of other work on the machine
  // touches one run of several pages rather than every run of one page.
  const runsOf = visits.map(() => [] as LighthouseRun[]);
  for (let round = 1; round <= runsPerPage; round++) {
    for (const [index, visit] of visits.entries()) {
      const run = await runLighthouse(`${webUrl}${visit.path}`, {
        chromePath: options.chromePath,
        cookie: cookies[visit.role],
        reportFile: join(options.reportDir, `${slug(visit.spec.route)}.${visit.role}.${round}.json`),
        timeoutMs: 180_000,
      });
      runsOf[index]!.push(run);
      log(`[bench] pages: run ${round}/${runsPerPage} of ${visit.spec.route} as ${visit.role}: ${run.error ? `failed (${run.error})` : `performance ${run.scores.performance}`}`);
    }
  }

  const pages: PageResult[] = [];
  for (const [index, visit] of visits.entries()) {
    const runs = runsOf[index]!;
    const chosen = medianRun(runs);
    if (chosen) {
      const lhr = JSON.parse(readFileSync(chosen.reportFile, "utf8")) as Result;
      writeFileSync(join(options.reportDir, `${slug(visit.spec.route)}.${visit.role}.html`), htmlReport(lhr));
    }
    const reasons: string[] = [];
    if (!chosen) reasons.push(`Lighthouse could not measure the page (${runs.map((r) => r.error).join("; ")})`);
    else {
      const landed = new URL(chosen.finalUrl).pathname;
      if (visit.role !== "visitor" && landed.startsWith("/sign-in")) reasons.push("the page sent the session to sign in");
      reasons.push(...missedTargets(chosen));
    }
    const result: PageResult = {
      route: visit.spec.route,
      role: visit.role,
      path: visit.path,
      runs,
      median: chosen,
      performanceScores: runs.map((r) => (r.error ? null : r.scores.performance)),
      met: reasons.length === 0,
      reasons,
    };
    pages.push(result);
    log(`[bench] pages: ${describe(result)}`);
    if (!result.met && chosen) for (const line of diagnosisLines(chosen)) log(`[bench]     ${line}`);
  }

  // A route nobody told the bench how to open, or one it lists that the app no longer has, is
  // reported, not skipped silently.
  const unmeasured = (route: string, reason: string): PageResult => ({ route, role: null, path: route, runs: [], median: null, performanceScores: [], met: false, reasons: [reason] });
  for (const route of routes.filter((r) => !listed.has(r))) pages.push(unmeasured(route, "not measured: add the route to PAGES in bench/src/bench/pages.ts"));
  for (const route of [...listed].filter((r) => !routes.includes(r))) pages.push(unmeasured(route, "not measured: apps/web/app has no such route any more; remove it from PAGES"));

  const all = pages.flatMap((p) => p.runs);
  const warnings = [...new Set(all.flatMap((r) => r.warnings))];
  const run: PagesRun = {
    runsPerPage,
    sample: options.sample,
    pages,
    reportDir: options.reportDir,
    lighthouse: all.find((r) => r.lighthouseVersion)?.lighthouseVersion ?? "?",
    browser: /(?:Headless)?Chrome\/[\d.]+/.exec(all.find((r) => r.userAgent)?.userAgent ?? "")?.[0]?.replace("HeadlessChrome", "Chromium") ?? "Chromium",
    benchmarkIndex: median(all.flatMap((r) => (r.benchmarkIndex === null ? [] : [r.benchmarkIndex]))),
    warnings,
    seconds: (performance.now() - started) / 1000,
  };
  writeFileSync(join(options.reportDir, "summary.json"), JSON.stringify({ targets: PAGE_TARGETS, ...run }, null, 2));
  return run;
}

/** One line of the console log for a page. */
function describe(page: PageResult): string {
  const m = page.median;
  const figures = m
    ? `performance ${page.performanceScores.map((s) => s ?? "–").join("/")}, LCP ${m.lcpMs === null ? "–" : seconds(m.lcpMs)}, TBT ${m.tbtMs === null ? "–" : Math.round(m.tbtMs)} ms, CLS ${m.cls === null ? "–" : clsText(m.cls)}, accessibility ${m.scores.accessibility ?? "–"}, best practices ${m.scores.bestPractices ?? "–"}`
    : "no figures";
  return `${page.route} as ${page.role}: ${figures}: ${page.met ? "met" : `MISSED (${page.reasons.join("; ")})`}`;
}

/** Why a page missed, from its median run's report: the LCP, what blocked, what shifted, what failed. */
export function diagnosisLines(run: LighthouseRun): string[] {
  const d = run.diagnosis;
  const lines: string[] = [];
  const short = (url: string) => url.replace(/^https?:\/\/[^/]+/, "");
  if (d.lcpElement) {
    const phases = d.lcpPhases.map((p) => `${p.phase} ${Math.round(p.ms)} ms`).join(", ");
    lines.push(`LCP element: ${d.lcpElement}${phases ? ` (${phases})` : ""}`);
  }
  if (d.serverResponseMs !== null) lines.push(`server response: ${Math.round(d.serverResponseMs)} ms`);
  if (d.renderBlocking.length) lines.push(`render-blocking: ${d.renderBlocking.map((r) => `${short(r.url)} (${Math.round(r.ms)} ms)`).join(", ")}`);
  if (d.longTasks.length) lines.push(`long tasks: ${d.longTasks.map((t) => `${short(t.url)} ${Math.round(t.ms)} ms`).join(", ")}`);
  if (d.layoutShifts.length) lines.push(`layout shifts: ${d.layoutShifts.map((s) => `${s.element} ${clsText(s.score)}`).join("; ")}`);
  for (const audit of [...run.failing.accessibility, ...run.failing.bestPractices]) lines.push(`${audit.id}: ${audit.example}`);
  for (const error of d.consoleErrors) lines.push(`console: ${error}`);
  return lines;
}

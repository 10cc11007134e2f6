// One Lighthouse run of one page, through its Node API: a fresh headless Chromium (Debian's, at
// CHROME_PATH; nothing here downloads a browser), Lighthouse's default configuration, which is
// the mobile preset (a Moto G Power screen, simulated slow 4G and a 4× CPU slowdown), and the
// three categories the targets name. For a signed-in page the session cookie is put in the
// browser's cookie jar before the run (Lighthouse's storage reset keeps cookies), so the browser
// sends it as it would for a person: with the page, its tRPC calls and across redirects (a
// `Cookie` extra header is dropped when Chromium follows a redirect).
import { writeFileSync } from "node:fs";
import { launch, type LaunchedChrome } from "chrome-launcher";
import lighthouse, { type Flags, type Result } from "lighthouse";
import { ReportGenerator } from "lighthouse/report/generator/report-generator.js";
import puppeteer, { type Browser } from "puppeteer-core";

export const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage"] as const;
const CATEGORIES = { performance: "performance", accessibility: "accessibility", bestPractices: "best-practices" } as const;
export type Category = keyof typeof CATEGORIES;

/** What the bench keeps of one run (the whole report is written to `reportFile`). */
export interface LighthouseRun {
  reportFile: string;
  /** The URL the page ended on (after redirects). */
  finalUrl: string;
  /** Why Lighthouse could not measure the page (the run then has no figures). */
  error?: string;
  /** Category scores 0–100, rounded as the report shows them. */
  scores: Record<Category, number | null>;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  /** Audits that cost the category points (weighted, score below 1 or errored), with one example each. */
  failing: Record<"accessibility" | "bestPractices", { id: string; example: string }[]>;
  diagnosis: Diagnosis;
  /** Lighthouse's own measure of this machine's CPU (its 4× slowdown assumes a fast desktop, ~1000+). */
  benchmarkIndex: number | null;
  userAgent: string;
  lighthouseVersion: string;
  warnings: string[];
}

/** Where the time and the shifts went, from the report's diagnostics. */
export interface Diagnosis {
  serverResponseMs: number | null;
  lcpElement: string | null;
  /** TTFB, load delay, load time and render delay of the LCP, in ms. */
  lcpPhases: { phase: string; ms: number }[];
  renderBlocking: { url: string; ms: number }[];
  longTasks: { url: string; ms: number }[];
  layoutShifts: { element: string; score: number }[];
  consoleErrors: string[];
  /** When the largest paint happened in the real, unthrottled load (the simulation then slows the load down). */
  observedLcpMs: number | null;
  /** Bytes of JavaScript the page requested before that paint: the simulation makes the LCP wait for their download. */
  scriptBytesBeforeLcp: number;
  /** Main-thread time spent evaluating scripts, at the simulated slowdown. */
  scriptEvaluationMs: number | null;
}

const live = new Set<LaunchedChrome>();

/** Kills every Chromium still running (Ctrl-C or a failure in the middle of a run). */
export async function stopChromes(): Promise<void> {
  await Promise.all([...live].map(killChrome));
}

async function killChrome(chrome: LaunchedChrome): Promise<void> {
  live.delete(chrome);
  const proc = chrome.process;
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  chrome.kill();
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
}

type Items = Record<string, unknown>[];
const itemsOf = (lhr: Result, id: string): Items => ((lhr.audits[id]?.details as { items?: Items } | undefined)?.items ?? []) as Items;
const num = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const text = (value: unknown) => (typeof value === "string" ? value : "");
/** A node of the report as one readable string: its snippet, and its selector when that says more. */
function nodeText(node: unknown): string {
  const n = (node ?? {}) as { snippet?: string; selector?: string; nodeLabel?: string };
  const snippet = (n.snippet ?? "").replace(/\s+/g, " ").slice(0, 120);
  return [snippet, n.selector ? `(${n.selector})` : "", n.nodeLabel && !snippet.includes(n.nodeLabel) ? `"${n.nodeLabel.slice(0, 60)}"` : ""].filter(Boolean).join(" ");
}

function diagnose(lhr: Result): Diagnosis {
  // The LCP element audit is a list of two tables: the element, then the LCP's phases.
  const lcpTables = ((lhr.audits["largest-contentful-paint-element"]?.details as { items?: { items?: Items }[] } | undefined)?.items ?? []).map((t) => t.items ?? []);
  const observedLcpMs = num(itemsOf(lhr, "metrics")[0]?.observedLargestContentfulPaint);
  return {
    serverResponseMs: num(lhr.audits["server-response-time"]?.numericValue),
    lcpElement: lcpTables[0]?.[0] ? nodeText(lcpTables[0][0].node) : null,
    lcpPhases: (lcpTables[1] ?? []).map((p) => ({ phase: text(p.phase), ms: num(p.timing) ?? 0 })),
    renderBlocking: itemsOf(lhr, "render-blocking-resources").map((i) => ({ url: text(i.url), ms: num(i.wastedMs) ?? 0 })),
    longTasks: itemsOf(lhr, "long-tasks")
      .map((i) => ({ url: text(i.url), ms: num(i.duration) ?? 0 }))
      .slice(0, 5),
    layoutShifts: itemsOf(lhr, "layout-shifts").map((i) => ({ element: nodeText(i.node), score: num(i.score) ?? 0 })),
    consoleErrors: itemsOf(lhr, "errors-in-console").map((i) => `${text(i.description).slice(0, 160)}${(i.sourceLocation as { url?: string } | undefined)?.url ? ` (${(i.sourceLocation as { url: string }).url})` : ""}`),
    observedLcpMs,
    scriptBytesBeforeLcp: itemsOf(lhr, "network-requests")
      .filter((i) => i.resourceType === "Script" && observedLcpMs !== null && (num(i.networkRequestTime) ?? Infinity) < observedLcpMs)
      .reduce((sum, i) => sum + (num(i.transferSize) ?? 0), 0),
    scriptEvaluationMs: num(itemsOf(lhr, "mainthread-work-breakdown").find((i) => i.group === "scriptEvaluation")?.duration),
  };
}

function failingAudits(lhr: Result, category: "accessibility" | "bestPractices") {
  const refs = lhr.categories[CATEGORIES[category]]?.auditRefs ?? [];
  return refs
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id]!)
    .filter((audit) => audit.scoreDisplayMode === "error" || (audit.score !== null && audit.score < 1))
    .map((audit) => {
      const first = ((audit.details as { items?: Items } | undefined)?.items ?? [])[0];
      const example = audit.scoreDisplayMode === "error" ? `error: ${audit.errorMessage ?? ""}` : first ? nodeText(first.node) || text(first.description) || text(first.url) : "";
      return { id: audit.id, example: example.slice(0, 200) };
    });
}

/** The figures of one report (also used on reports read back from disk). */
export function summarize(lhr: Result, reportFile: string): LighthouseRun {
  const score = (category: Category) => {
    const value = lhr.categories[CATEGORIES[category]]?.score;
    return typeof value === "number" ? Math.round(value * 100) : null;
  };
  const error = lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : undefined;
  return {
    reportFile,
    finalUrl: lhr.finalDisplayedUrl,
    ...(error ? { error } : {}),
    scores: { performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("bestPractices") },
    lcpMs: num(lhr.audits["largest-contentful-paint"]?.numericValue),
    tbtMs: num(lhr.audits["total-blocking-time"]?.numericValue),
    cls: num(lhr.audits["cumulative-layout-shift"]?.numericValue),
    failing: { accessibility: failingAudits(lhr, "accessibility"), bestPractices: failingAudits(lhr, "bestPractices") },
    diagnosis: diagnose(lhr),
    benchmarkIndex: num(lhr.environment.benchmarkIndex),
    userAgent: lhr.environment.hostUserAgent,
    lighthouseVersion: lhr.lighthouseVersion,
    warnings: lhr.runWarnings.map(String),
  };
}

/** Lighthouse's HTML report of a run, to open in a browser. */
export const htmlReport = (lhr: Result): string => ReportGenerator.generateReportHtml(lhr);

/**
 * Runs Lighthouse once on `url` in a Chromium of its own, writes the JSON report to `reportFile`
 * and returns its figures. A run that fails (Chromium or Lighthouse
 * crashed, or `timeoutMs` passed) is returned with `error` set and no figures.
 */
export async function runLighthouse(
  url: string,
  options: { chromePath: string; cookie: { name: string; value: string } | null; reportFile: string; timeoutMs: number },
): Promise<LighthouseRun> {
  let chrome: LaunchedChrome | undefined;
  let browser: Browser | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    // handleSIGINT off: the bench stops everything it started on Ctrl-C itself (stopChromes).
    chrome = await launch({ chromePath: options.chromePath, chromeFlags: [...CHROME_FLAGS], logLevel: "silent", handleSIGINT: false });
    live.add(chrome);
    browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
    const page = await browser.newPage();
    if (options.cookie) await page.setCookie({ ...options.cookie, url: new URL(url).origin, httpOnly: true, sameSite: "Lax" });
    const flags: Flags = {
      output: "json",
      logLevel: "silent",
      onlyCategories: Object.values(CATEGORIES),
      disableFullPageScreenshot: true,
    };
    const audit = lighthouse(url, flags, undefined, page);
    audit.catch(() => undefined); // when the timeout wins, the run's own failure comes later
    const launched = chrome;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void killChrome(launched);
        reject(new Error(`no report within ${options.timeoutMs / 1000} s`));
      }, options.timeoutMs);
    });
    const result = await Promise.race([audit, timeout]);
    if (!result) throw new Error("Lighthouse returned no result");
    writeFileSync(options.reportFile, typeof result.report === "string" ? result.report : JSON.stringify(result.lhr));
    return summarize(result.lhr, options.reportFile);
  } catch (error) {
    return failedRun(url, options.reportFile, error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
    await browser?.disconnect().catch(() => undefined);
    if (chrome) await killChrome(chrome);
  }
}

function failedRun(url: string, reportFile: string, error: string): LighthouseRun {
  return {
    reportFile,
    finalUrl: url,
    error,
    scores: { performance: null, accessibility: null, bestPractices: null },
    lcpMs: null,
    tbtMs: null,
    cls: null,
    failing: { accessibility: [], bestPractices: [] },
    diagnosis: {
      serverResponseMs: null,
      lcpElement: null,
      lcpPhases: [],
      renderBlocking: [],
      longTasks: [],
      layoutShifts: [],
      consoleErrors: [],
      observedLcpMs: null,
      scriptBytesBeforeLcp: 0,
      scriptEvaluationMs: null,
    },
    benchmarkIndex: null,
    userAgent: "",
    lighthouseVersion: "",
    warnings: [],
  };
}

/** What one `pnpm bench` run measures, and how much. */
export interface BenchOptions {
  quick: boolean;
  /** Force `next build` even when a build is there. */
  build: boolean;
  /** Refresh the generated section of BENCHMARKS.md (default: on for a full run, off for --quick). */
  write: boolean;
  /** The parts to run (default all). */
  only: ReadonlySet<Part>;
  sizes: Sizes;
}

export const PARTS = ["proposals", "hot", "refusals", "ledger", "search", "search1m", "talent", "bundles", "pages"] as const;
export type Part = (typeof PARTS)[number];

export interface Sizes {
  /** Freelancers taking part in the proposal load (each signs in over HTTP). */
  freelancers: number;
  /** Jobs the load proposes on; coprime with `freelancers` (see pairs.ts). */
  jobs: number;
  /** Connects granted to each freelancer of the load. */
  connectsEach: number;
  concurrency: readonly number[];
  /** Seconds of measured load per level and target, and warm-up requests before each target's first level. */
  seconds: number;
  warmup: number;
  /** The hot account's number of concurrent submissions. */
  hotRequests: number;
  ledgerTransfers: number;
  searchJobs: number;
  searchCalls: number;
  searchHttpCalls: number;
  /** The large catalogue of the search1m part (its own database, kept between runs), and searches measured over it. */
  largeSearchJobs: readonly number[];
  largeSearchCalls: number;
  /** Freelancer profiles generated for talent search, and searches measured over them. */
  talentFreelancers: number;
  talentCalls: number;
  /** Refused requests of each kind whose server CPU is compared. */
  refusals: number;
  /** Lighthouse runs per page (the median is reported), and whether only a sample of the pages is measured. */
  lighthouseRuns: number;
  lighthouseSample: boolean;
}

const FULL: Sizes = {
  freelancers: 200,
  jobs: 1201,
  connectsEach: 5_000,
  concurrency: [10, 50, 100],
  seconds: 12,
  warmup: 300,
  hotRequests: 100,
  ledgerTransfers: 1_000_000,
  searchJobs: 100_000,
  searchCalls: 600,
  searchHttpCalls: 150,
  largeSearchJobs: [100_000, 1_000_000],
  largeSearchCalls: 600,
  talentFreelancers: 100_000,
  talentCalls: 600,
  refusals: 400,
  lighthouseRuns: 3,
  lighthouseSample: false,
};

const QUICK: Sizes = {
  freelancers: 120,
  jobs: 301,
  connectsEach: 2_000,
  concurrency: [10, 50, 100],
  seconds: 2,
  warmup: 50,
  hotRequests: 100,
  ledgerTransfers: 40_000,
  searchJobs: 5_000,
  searchCalls: 60,
  searchHttpCalls: 20,
  largeSearchJobs: [5_000, 20_000],
  largeSearchCalls: 60,
  talentFreelancers: 5_000,
  talentCalls: 60,
  refusals: 100,
  lighthouseRuns: 1,
  lighthouseSample: true,
};

const USAGE = `pnpm bench [--quick] [--build] [--write | --no-write] [--only ${PARTS.join(",")}]
  --quick     a short smoke run (small counts; BENCHMARKS.md is left alone unless --write)
  --build     run \`next build\` first even when a build exists
  --only      run some parts only, e.g. --only ledger,search`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const args = argv.filter((arg) => arg !== "--");
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    process.exit(0);
  }
  const known = new Set(["--quick", "--build", "--write", "--no-write", "--only"]);
  const onlyIndex = args.indexOf("--only");
  const onlyValue = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
  for (const arg of args) {
    if (!known.has(arg) && arg !== onlyValue) throw new Error(`Unknown option ${arg}.\n${USAGE}`);
  }
  const only = new Set<Part>();
  for (const part of onlyValue ? onlyValue.split(",") : PARTS) {
    if (!(PARTS as readonly string[]).includes(part)) throw new Error(`Unknown part "${part}" (parts: ${PARTS.join(", ")}).`);
    only.add(part as Part);
  }
  const quick = args.includes("--quick");
  const write = args.includes("--write") || (!quick && !args.includes("--no-write") && only.size === PARTS.length);
  return { quick, build: args.includes("--build"), write, only, sizes: quick ? QUICK : FULL };
}

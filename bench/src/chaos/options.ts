/** Command-line options of `pnpm chaos`. */
export interface ChaosOptions {
  /** Kill-and-restart cycles (at least 20 for the proof). */
  cycles: number;
  /** Virtual users: each is a client and a freelancer on one contract, doing money operations. */
  users: number;
  /** Seed of the run's random choices (kinds of kill, delays, amounts), printed so a run can be repeated. */
  seed: number;
  /** Random pause before each kill, in milliseconds. */
  minDelayMs: number;
  maxDelayMs: number;
  /** Rebuild apps/web even if an up-to-date build is there. */
  rebuild: boolean;
}

const USAGE = `pnpm chaos [--cycles N] [--users N] [--seed N] [--min-delay MS] [--max-delay MS] [--rebuild]`;

export function parseOptions(argv: readonly string[]): ChaosOptions {
  const options: ChaosOptions = {
    cycles: 24,
    users: 4,
    seed: Math.floor(Math.random() * 2 ** 31),
    minDelayMs: 1500,
    maxDelayMs: 5000,
    rebuild: false,
  };
  const integer = (name: string, value: string | undefined, min: number) => {
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed) || parsed < min) throw new Error(`${name} takes a whole number of at least ${min}.\n${USAGE}`);
    return parsed;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--":
        break;
      case "--cycles":
        options.cycles = integer(flag, value(), 1);
        break;
      case "--users":
        options.users = integer(flag, value(), 1);
        break;
      case "--seed":
        options.seed = integer(flag, value(), 0);
        break;
      case "--min-delay":
        options.minDelayMs = integer(flag, value(), 0);
        break;
      case "--max-delay":
        options.maxDelayMs = integer(flag, value(), 0);
        break;
      case "--rebuild":
        options.rebuild = true;
        break;
      case "--help":
      case "-h":
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option ${arg}.\n${USAGE}`);
    }
  }
  if (options.maxDelayMs < options.minDelayMs) throw new Error(`--max-delay must be at least --min-delay.\n${USAGE}`);
  return options;
}

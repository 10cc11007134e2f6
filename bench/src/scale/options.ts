import { parsePortRange } from "./config";

/** Command-line options of `pnpm scale`. */
export interface ScaleOptions {
  quick: boolean;
  chaos: boolean;
  /** Ports for every part, or null for any free ones. */
  ports: { from: number; to: number } | null;
  /** Chaos mode: events (kill a web instance, kill a runner, restart PgBouncer, stop the replica), and the seed of their order and moments. */
  cycles: number;
  seed: number;
  users: number;
  rebuild: boolean;
}

const USAGE = `pnpm scale [--quick] [--chaos] [--cycles N] [--seed N] [--users N] [--ports FROM-TO] [--rebuild]
  --quick     a short run (small data, a few seconds per load)
  --chaos     the chaos workload on the topology while its parts are killed and restarted
  --cycles N  chaos events (default 12, --quick 8): each kind of event equally often
  --seed N    repeat a chaos run's order and moments
  --ports     take every port from this range, e.g. 43000-43999 (default: any free ports)
  --rebuild   run next build first even when an up-to-date build is there`;

export function parseScaleOptions(argv: readonly string[]): ScaleOptions {
  const args = argv.filter((arg) => arg !== "--");
  const options: ScaleOptions = { quick: false, chaos: false, ports: null, cycles: 0, seed: Math.floor(Math.random() * 2 ** 31), users: 4, rebuild: false };
  let cycles: number | null = null;
  const integer = (flag: string, value: string | undefined, min: number) => {
    const parsed = Number(value);
    if (value === undefined || !Number.isSafeInteger(parsed) || parsed < min) throw new Error(`${flag} takes a whole number of at least ${min}.\n${USAGE}`);
    return parsed;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    switch (arg) {
      case "--quick":
        options.quick = true;
        break;
      case "--chaos":
        options.chaos = true;
        break;
      case "--rebuild":
        options.rebuild = true;
        break;
      case "--cycles":
        cycles = integer(arg, args[++i], 4);
        break;
      case "--seed":
        options.seed = integer(arg, args[++i], 0);
        break;
      case "--users":
        options.users = integer(arg, args[++i], 1);
        break;
      case "--ports":
        options.ports = parsePortRange(args[++i] ?? "");
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
  options.cycles = cycles ?? (options.quick ? 8 : 12);
  return options;
}

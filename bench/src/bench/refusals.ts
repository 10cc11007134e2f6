import { cpuSeconds } from "../harness";
import { mapLimit } from "./util";

/**
 * What a refused request costs the web server: requests whose superjson `meta` names a type the
 * API does not take (`custom`, `class`, `symbol`: once a stack overflow costing 0.3–0.65 s of CPU
 * each) beside plain 400s (a sign-up with an invalid email, refused by zod in the procedure),
 * both before sign-in. Measured as the web server's CPU over each batch, in one run, and as the
 * latency of a signed-in read while the hostile requests are in flight.
 */
export interface RefusalRun {
  requests: number;
  hostileCpuMsEach: number;
  plainCpuMsEach: number;
  /** hostile ÷ plain; about 1 or below when refusals are cheap. */
  ratio: number;
  /** me.get p50 while 20 hostile requests at a time are in flight. */
  readUnderAttackMs: number;
}

const HOSTILE = [
  '{"json":{"email":"x"},"meta":{"values":{"email":["custom","x"]}}}',
  '{"json":{"email":"x"},"meta":{"values":{"email":[["class","Object"]]},"v":1}}',
  '{"json":{"email":"x"},"meta":{"values":{"email":[["symbol","s"]]}}}',
];
const PLAIN = JSON.stringify({ json: { email: "not an email", name: "Ann", password: "correct horse battery", role: "CLIENT" } });

async function post(webUrl: string, body: string): Promise<number> {
  const response = await fetch(`${webUrl}/api/trpc/auth.signUp`, { method: "POST", headers: { "content-type": "application/json" }, body });
  await response.arrayBuffer();
  return response.status;
}

async function batch(webUrl: string, webPid: number, bodies: string[]): Promise<number> {
  const cpu0 = cpuSeconds(webPid);
  const statuses = await mapLimit(bodies, 4, (body) => post(webUrl, body));
  const bad = statuses.filter((status) => status !== 400);
  if (bad.length) throw new Error(`refusals: expected 400 for every request, got ${[...new Set(bad)].join(", ")}`);
  return ((cpuSeconds(webPid) - cpu0) * 1000) / bodies.length;
}

export async function runRefusals(webUrl: string, webPid: number, cookie: string, requests: number): Promise<RefusalRun> {
  const hostile = Array.from({ length: requests }, (_, i) => HOSTILE[i % HOSTILE.length]!);
  const plain = Array.from({ length: requests }, () => PLAIN);
  await batch(webUrl, webPid, plain.slice(0, 50)); // warm-up
  await batch(webUrl, webPid, hostile.slice(0, 50));
  const plainCpuMsEach = await batch(webUrl, webPid, plain);
  const hostileCpuMsEach = await batch(webUrl, webPid, hostile);

  // A signed-in read while 20 hostile requests at a time keep arriving.
  let attacking = true;
  const attackers = Array.from({ length: 20 }, async () => {
    for (let i = 0; attacking; i++) await post(webUrl, HOSTILE[i % HOSTILE.length]!);
  });
  const reads: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    const response = await fetch(`${webUrl}/api/trpc/me.get`, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`refusals: me.get answered ${response.status} under attack`);
    reads.push(performance.now() - t0);
  }
  attacking = false;
  await Promise.all(attackers);
  reads.sort((a, b) => a - b);
  return { requests, hostileCpuMsEach, plainCpuMsEach, ratio: hostileCpuMsEach / plainCpuMsEach, readUnderAttackMs: reads[Math.floor(reads.length / 2)]! };
}

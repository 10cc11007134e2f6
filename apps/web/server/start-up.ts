import { ignoreClientAddressHeaders, trustedProxyHops } from "./client-address";
import { SECRET_ADVICE, sessionSecretProblem } from "./session-secret";

/** What stops a server from starting: a readable reason, or null. */
export function startUpProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  // `next build` runs in production mode too, without the runtime's secret.
  const serving = env.NODE_ENV === "production" && env.NEXT_PHASE !== "phase-production-build";
  const secretProblem = serving ? sessionSecretProblem(env.NEXTAUTH_SECRET) : null;
  if (secretProblem) return `${secretProblem} ${SECRET_ADVICE}`;
  try {
    trustedProxyHops(env.FAIRLANCE_TRUST_PROXY);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return null;
}

/** Refuses to serve with a guessable session secret; trusts forwarded addresses only when told to. */
export function startUpChecks() {
  const problem = startUpProblem();
  if (problem) {
    console.error(`\n[fairlance] Refusing to start: ${problem}\n`);
    process.exit(1);
  }
  if (trustedProxyHops() === 0) ignoreClientAddressHeaders();
}

import { dbEnvSpec, envProblems } from "@fairlance/db/env";
import { fileStoreProblems } from "@fairlance/db/files";
import { webEnvSpec } from "../env";
import { ignoreClientAddressHeaders, trustedProxyHops } from "./client-address";
import { SECRET_ADVICE, sessionSecretProblem } from "./session-secret";

/** What stops a server from starting: a readable reason, or null. */
export function startUpProblem(source: NodeJS.ProcessEnv = process.env): string | null {
  // `next build` runs in production mode too, without the runtime's secret (NEXT_PHASE is Next's, not configuration).
  const serving = source.NODE_ENV === "production" && source.NEXT_PHASE !== "phase-production-build";
  const secretProblem = serving ? sessionSecretProblem(source.NEXTAUTH_SECRET) : null;
  if (secretProblem) return `${secretProblem} ${SECRET_ADVICE}`;
  const problems = [...envProblems(webEnvSpec, source), ...envProblems(dbEnvSpec, source)];
  // Settings valid one by one may still not go together (FAIRLANCE_FILE_STORE=s3 without its bucket).
  if (problems.length === 0) problems.push(...fileStoreProblems(source));
  return problems.length > 0 ? problems.join(" ") : null;
}

/** Refuses to serve with a guessable session secret or an invalid setting; trusts forwarded addresses only when told to. */
export function startUpChecks() {
  const problem = startUpProblem();
  if (problem) {
    console.error(`\n[fairlance] Refusing to start: ${problem}\n`);
    process.exit(1);
  }
  if (trustedProxyHops() === 0) ignoreClientAddressHeaders();
}

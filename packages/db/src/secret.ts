import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { dbEnv } from "./env";
import { dataRoot } from "./paths";

/** Where a secret generated for this checkout is kept (git-ignored). */
export const generatedSecretFile = () => join(dataRoot(), "nextauth-secret");

/**
 * The app's one signing secret, in one place for every process that signs or checks: the web
 * server (next-auth's session cookies) and the job runner (the unsubscribe links of the emails
 * it writes) read the same value. NEXTAUTH_SECRET when set; otherwise a random secret generated
 * once into `<data root>/nextauth-secret`, so no default secret is ever used. A production
 * deployment (FAIRLANCE_DEPLOYMENT=production) must set it: a generated file would differ
 * between machines, and links signed on one would be refused on another.
 */
export function appSecret(): string {
  if (dbEnv.NEXTAUTH_SECRET) return dbEnv.NEXTAUTH_SECRET;
  if (dbEnv.FAIRLANCE_DEPLOYMENT === "production") {
    throw new Error("NEXTAUTH_SECRET is not set. A production deployment must give the web server and the job runner the same NEXTAUTH_SECRET.");
  }
  const file = generatedSecretFile();
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      // "wx": two processes starting at once keep the first one's secret.
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return readFileSync(file, "utf8").trim();
}

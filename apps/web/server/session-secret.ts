// The rule a production server applies to NEXTAUTH_SECRET before it serves
// anyone (instrumentation.ts): whoever knows the secret can forge a session
// for any account, admins included.

export const MIN_SECRET_LENGTH = 32;

/** Words of values copied from examples and docs rather than generated. */
const PLACEHOLDER_WORDS = ["changeme", "changethis", "replaceme", "placeholder", "example", "yoursecret", "mysecret", "secretkey", "supersecret", "password", "nextauthsecret", "fairlance"];

/** Why a secret is unfit for production, or null when it is fine. */
export function sessionSecretProblem(secret: string | undefined): string | null {
  const value = secret?.trim() ?? "";
  if (!value) return "NEXTAUTH_SECRET is not set.";
  if (value.length < MIN_SECRET_LENGTH) {
    return `NEXTAUTH_SECRET is only ${value.length} characters long; it needs at least ${MIN_SECRET_LENGTH}.`;
  }
  const letters = value.toLowerCase().replace(/[^a-z0-9]/g, "");
  const word = PLACEHOLDER_WORDS.find((w) => letters.includes(w));
  if (word) return `NEXTAUTH_SECRET looks like a placeholder (it contains "${word}").`;
  if (new Set(value).size < 10) return "NEXTAUTH_SECRET repeats too few characters to be random.";
  return null;
}

export const SECRET_ADVICE =
  "Set NEXTAUTH_SECRET to a long random value, for example the output of `openssl rand -base64 32`, " +
  "or leave it unset and start with `pnpm start`, which generates one into .data/nextauth-secret.";

import { dbEnvSpec, readVariable } from "../env";

/**
 * An absolute link into the app, for what leaves it (emails): the public URL (NEXTAUTH_URL), or
 * http://localhost:$PORT when unset, as the web server itself assumes. Read at each call, so the
 * runner and the web server agree with their environment.
 */
export function appUrl(path: string, source: Record<string, string | undefined> = process.env): string {
  if (!path.startsWith("/") || path.startsWith("//")) throw new Error(`appUrl takes a path inside the app, not ${JSON.stringify(path)}`);
  const configured = readVariable("NEXTAUTH_URL", dbEnvSpec.NEXTAUTH_URL, source);
  const base = configured ?? `http://localhost:${readVariable("PORT", dbEnvSpec.PORT, source)}`;
  return new URL(path, base).toString();
}

// Which address a request comes from, for the sign-in throttle.
//
// Next fills X-Forwarded-For with the socket's address only when the request
// has none, so any client could name whatever address it likes: dodge the
// per-address limit, or lock someone else's address out. So:
// - no trusted proxy (FAIRLANCE_TRUST_PROXY unset or 0): instrumentation.ts
//   drops the client's forwarding headers before Next reads the request, and
//   the X-Forwarded-For the app sees is the socket address Next wrote;
// - behind N trusted reverse proxies: each proxy appends the address it got
//   the request from, so the client is the N-th entry from the right, and
//   whatever stands left of it was written by the client and is ignored.
import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import { readVariable } from "@fairlance/db/env";
import { env, webEnvSpec } from "../env";

/**
 * Headers a client uses to claim an address, a host or a scheme; only a trusted proxy may set
 * them (a forged X-Forwarded-Host would otherwise name another site as this one).
 */
export const CLIENT_ADDRESS_HEADERS = ["x-forwarded-for", "x-real-ip", "forwarded", "x-forwarded-host", "x-forwarded-proto"] as const;

/** FAIRLANCE_TRUST_PROXY: how many reverse proxies in front of the app append to X-Forwarded-For. */
export function trustedProxyHops(...value: [string | undefined] | []): number {
  if (value.length === 0) return env.FAIRLANCE_TRUST_PROXY;
  return readVariable("FAIRLANCE_TRUST_PROXY", webEnvSpec.FAIRLANCE_TRUST_PROXY, { FAIRLANCE_TRUST_PROXY: value[0] });
}

/** The client's address from X-Forwarded-For, given how many proxies are trusted ("unknown" when absent). */
export function clientAddress(forwardedFor: string | string[] | undefined, hops: number): string {
  const entries = [forwardedFor ?? []]
    .flat()
    .flatMap((value) => value.split(","))
    .map((entry) => entry.trim())
    .filter(Boolean);
  // With no trusted proxy the only entry is the socket address (see above).
  const entry = entries[Math.max(0, entries.length - Math.max(1, hops))];
  return entry ? entry.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "") : "unknown";
}

export function dropClientAddressHeaders(headers: IncomingHttpHeaders) {
  for (const name of CLIENT_ADDRESS_HEADERS) delete headers[name];
}

let uninstall: (() => void) | null = null;

/**
 * Removes the client's address headers from every request an http.Server of
 * this process receives, before any listener (Next) sees the request. Installing
 * it again changes nothing; what it returns puts http.Server back as it was (for tests).
 */
export function ignoreClientAddressHeaders(): () => void {
  if (!uninstall) {
    const emit = http.Server.prototype.emit;
    http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") dropClientAddressHeaders((args[0] as IncomingMessage).headers);
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    };
    uninstall = () => {
      http.Server.prototype.emit = emit;
      uninstall = null;
    };
  }
  return uninstall;
}

import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { contentSecurityPolicy, servedOverHttps } from "@/lib/security-headers";
import { clientAddress, ignoreClientAddressHeaders, trustedProxyHops } from "../client-address";
import { sessionSecretProblem } from "../session-secret";
import { startUpProblem } from "../start-up";

describe("the client address used by the sign-in throttle", () => {
  it("trusts no proxy unless FAIRLANCE_TRUST_PROXY names how many", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("")).toBe(0);
    expect(trustedProxyHops("0")).toBe(0);
    expect(trustedProxyHops("2")).toBe(2);
    for (const bad of ["yes", "true", "-1", "1.5", "11"]) expect(() => trustedProxyHops(bad)).toThrow(/FAIRLANCE_TRUST_PROXY must be the number/);
  });

  it("without a trusted proxy takes the one address Next wrote from the socket", () => {
    expect(clientAddress("127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress("::ffff:10.1.2.3", 0)).toBe("10.1.2.3");
    expect(clientAddress("::1", 0)).toBe("::1");
    expect(clientAddress(undefined, 0)).toBe("unknown");
  });

  it("behind N proxies takes the N-th address from the right, never what the client wrote before it", () => {
    // The client claimed 6.6.6.6; the proxy appended the address it really saw.
    expect(clientAddress("6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress(["6.6.6.6", "203.0.113.9, 10.0.0.2"], 2)).toBe("203.0.113.9");
    // A chain shorter than the proxies configured: the leftmost is the best there is.
    expect(clientAddress("203.0.113.9", 2)).toBe("203.0.113.9");
  });

  it("drops a client's address headers before an http server's handler sees them", async () => {
    const uninstall = ignoreClientAddressHeaders();
    expect(ignoreClientAddressHeaders()).toBe(uninstall); // installing twice wraps once
    const seen: http.IncomingHttpHeaders[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers);
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/`, {
        headers: { "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6", forwarded: "for=6.6.6.6", "x-other": "kept" },
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
      // Test files share a process (vitest.config.ts): the next one's servers get their headers.
      uninstall();
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toHaveProperty("x-forwarded-for");
    expect(seen[0]).not.toHaveProperty("x-real-ip");
    expect(seen[0]).not.toHaveProperty("forwarded");
    expect(seen[0]).toHaveProperty("x-other", "kept");
  });
});

describe("the session secret a production server accepts", () => {
  it("refuses missing, short, placeholder and repetitive secrets, and accepts a random one", () => {
    expect(sessionSecretProblem(undefined)).toBe("NEXTAUTH_SECRET is not set.");
    expect(sessionSecretProblem("  ")).toBe("NEXTAUTH_SECRET is not set.");
    expect(sessionSecretProblem("secret")).toBe("NEXTAUTH_SECRET is only 6 characters long; it needs at least 32.");
    expect(sessionSecretProblem("please-change-me-before-going-live-2026")).toMatch(/placeholder \(it contains "changeme"\)/);
    expect(sessionSecretProblem("Your_Secret_Here_0123456789_abcdefghij")).toMatch(/placeholder/);
    expect(sessionSecretProblem("ab".repeat(20))).toMatch(/too few characters/);
    expect(sessionSecretProblem("q3J6yV0m-Wc1Zr9Ln4Tb8Xs2Kd7Hf5Pg_Ua0Oe3Ri6")).toBeNull();
  });

  it("is applied when serving in production, not while building nor in development", () => {
    const env = (extra: Record<string, string | undefined>) => ({ NODE_ENV: "production", ...extra }) as NodeJS.ProcessEnv;
    expect(startUpProblem(env({}))).toMatch(/^NEXTAUTH_SECRET is not set\. Set NEXTAUTH_SECRET to a long random value.*openssl rand -base64 32/);
    expect(startUpProblem(env({ NEXTAUTH_SECRET: "changeme" }))).toMatch(/only 8 characters/);
    expect(startUpProblem(env({ NEXT_PHASE: "phase-production-build" }))).toBeNull();
    expect(startUpProblem({ NODE_ENV: "development" } as NodeJS.ProcessEnv)).toBeNull();
    expect(startUpProblem(env({ NEXTAUTH_SECRET: "q3J6yV0m-Wc1Zr9Ln4Tb8Xs2Kd7Hf5Pg_Ua0Oe3Ri6" }))).toBeNull();
    expect(startUpProblem(env({ NEXTAUTH_SECRET: "q3J6yV0m-Wc1Zr9Ln4Tb8Xs2Kd7Hf5Pg_Ua0Oe3Ri6", FAIRLANCE_TRUST_PROXY: "yes" }))).toMatch(
      /FAIRLANCE_TRUST_PROXY must be the number/,
    );
    expect(startUpProblem(env({ NEXTAUTH_SECRET: "q3J6yV0m-Wc1Zr9Ln4Tb8Xs2Kd7Hf5Pg_Ua0Oe3Ri6", PORT: "abc" }))).toBe('PORT must be a whole number from 1 to 65535; it is "abc".');
    expect(startUpProblem(env({ NEXTAUTH_SECRET: "q3J6yV0m-Wc1Zr9Ln4Tb8Xs2Kd7Hf5Pg_Ua0Oe3Ri6", FAIRLANCE_PG_PORT: "5432x" }))).toMatch(/^FAIRLANCE_PG_PORT must be a whole number/);
    expect(startUpProblem(env({ NEXTAUTH_SECRET: "q3J6yV0m-Wc1Zr9Ln4Tb8Xs2Kd7Hf5Pg_Ua0Oe3Ri6", FAIRLANCE_FILE_STORE: "s3", S3_ENDPOINT: "http://minio:9000", S3_BUCKET: "files", S3_ACCESS_KEY_ID: "k" }))).toBe(
      'FAIRLANCE_FILE_STORE is "s3", so S3_SECRET_ACCESS_KEY must be set too (README, "Files and images").',
    );
  });
});

describe("the Content-Security-Policy", () => {
  const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)] as const));

  it("in production runs only scripts with the nonce, and never eval", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123", development: false, https: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("lets the dev server eval, inject styles and open its hot-reload websocket", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123", development: true, https: false }));
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("connect-src")).toEqual(["'self'", "ws:", "wss:"]);
  });

  it("behind HTTPS upgrades insecure requests", () => {
    expect(contentSecurityPolicy({ nonce: "n", development: false, https: true })).toMatch(/; upgrade-insecure-requests$/);
    expect(servedOverHttps("https://fairlance.example")).toBe(true);
    expect(servedOverHttps("http://localhost:3000")).toBe(false);
    expect(servedOverHttps(undefined)).toBe(false);
  });
});

describe("the session cookie", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function cookieOptions(publicUrl: string) {
    vi.stubEnv("NEXTAUTH_URL", publicUrl);
    vi.resetModules();
    const { authOptions } = await import("../auth");
    return { secure: authOptions.useSecureCookies, sessionToken: authOptions.cookies?.sessionToken };
  }

  it("is HttpOnly, SameSite=Lax on / and not Secure over plain http", async () => {
    expect(await cookieOptions("http://localhost:3000")).toEqual({
      secure: false,
      sessionToken: { name: "next-auth.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: false } },
    });
  });

  it("is Secure with the __Secure- prefix behind HTTPS", async () => {
    expect(await cookieOptions("https://fairlance.example")).toEqual({
      secure: true,
      sessionToken: { name: "__Secure-next-auth.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } },
    });
  });
});

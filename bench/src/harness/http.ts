import superjson, { type SuperJSONResult } from "superjson";

/** Cookies from a response, as a `Cookie` request header value. */
function cookieHeader(response: Response, previous = ""): string {
  const jar = new Map(previous ? previous.split("; ").map((pair) => pair.split("=", 2) as [string, string]) : []);
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const index = pair!.indexOf("=");
    jar.set(pair!.slice(0, index), pair!.slice(index + 1));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/**
 * Signs in through next-auth's credentials flow (csrf token, then the
 * credentials callback), as the browser's sign-in form does.
 * Returns the `Cookie` header that carries the session.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = cookieHeader(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies, origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: baseUrl }),
  });
  const session = cookieHeader(response, cookies);
  if (!/next-auth\.session-token=/.test(session)) {
    throw new Error(`sign-in as ${email} failed (HTTP ${response.status}): ${response.headers.get("location") ?? ""}`);
  }
  return session;
}

export type TrpcResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; error: { message: string; code: string; domainCode: string | null } };

/** One tRPC call over HTTP (no batching), with superjson as the app's client sends it. */
export async function trpc<T = unknown>(
  baseUrl: string,
  cookie: string | null,
  path: string,
  input: unknown,
  options: { method?: "GET" | "POST"; signal?: AbortSignal } = {},
): Promise<TrpcResult<T>> {
  const method = options.method ?? "POST";
  const encoded = JSON.stringify(superjson.serialize(input));
  const headers: Record<string, string> = { origin: baseUrl };
  if (cookie) headers.cookie = cookie;
  const response =
    method === "POST"
      ? await fetch(`${baseUrl}/api/trpc/${path}`, {
          method,
          headers: { ...headers, "content-type": "application/json" },
          body: encoded,
          signal: options.signal,
        })
      : await fetch(`${baseUrl}/api/trpc/${path}?input=${encodeURIComponent(encoded)}`, { headers, signal: options.signal });
  const text = await response.text();
  let body: { result?: { data: SuperJSONResult }; error?: SuperJSONResult };
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, status: response.status, error: { message: text.slice(0, 200), code: "UNPARSEABLE", domainCode: null } };
  }
  if (body.result) return { ok: true, status: response.status, data: superjson.deserialize<T>(body.result.data) };
  const error = superjson.deserialize<{ message: string; code: number; data?: { code?: string; domainCode?: string | null } }>(body.error!);
  return {
    ok: false,
    status: response.status,
    error: { message: error.message, code: error.data?.code ?? String(error.code), domainCode: error.data?.domainCode ?? null },
  };
}

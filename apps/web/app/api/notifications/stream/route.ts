import { liveUnreadCounts, type Watch } from "@fairlance/db/live";
import { getSession } from "@/server/auth";
import { getPrisma } from "@/server/db";
import { sessionUser } from "@/server/session-user";

// A stream per open page: Node (it keeps a database listener), never cached or prerendered.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A comment line every 25 s keeps proxies and the browser from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;
/** The session is checked again this often: a stream of a session that ended (signed out everywhere, a password reset) closes. */
const SESSION_CHECK_MS = 120_000;
/** A stream ends after an hour; the browser opens a new one (checked like any request), maybe on another instance. */
const MAX_STREAM_MS = 60 * 60_000;
/** How long the browser waits before opening the stream again after it ends or drops. */
const RETRY_MS = 5_000;

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * Live updates of the bell (server-sent events): `event: unread` with `{ "count": n }` at once
 * and whenever the person's notifications change (a new one, some read), from any web instance or
 * the runner: each instance LISTENs on PostgreSQL once (@fairlance/db/live) and fans out to its
 * streams. The bell falls back to polling `notification.unreadCount` when this is refused or
 * unreachable. README, "Notifications in the app".
 */
export async function GET(request: Request): Promise<Response> {
  // The same check as pages: the cookie's session, against the account and its session version.
  const session = await getSession();
  if (!session) return plain(401, "Sign in to get live updates.");
  const userId = session.user.id;

  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  const early: string[] = [];
  let closed = false;
  const timers: NodeJS.Timeout[] = [];
  const write = (text: string) => {
    if (closed) return;
    if (!controller) return void early.push(text);
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  };

  let watch: Watch;
  try {
    watch = liveUnreadCounts().watch(userId, (count) => write(`event: unread\ndata: ${JSON.stringify({ count })}\n\n`));
  } catch (error) {
    console.error("[live] could not start live updates:", (error as Error).message);
    return plain(503, "Live updates are not available now; this page checks for new notifications every 30 seconds instead.");
  }
  if (!watch.ok) return plain(watch.reason === "person" ? 429 : 503, watch.message);

  function close() {
    if (closed) return;
    closed = true;
    if (watch.ok) watch.stop();
    for (const timer of timers) clearInterval(timer);
    request.signal.removeEventListener("abort", close);
    try {
      controller?.close();
    } catch {
      // Already closed by the other side.
    }
  }

  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      write(`retry: ${RETRY_MS}\n\n`);
      for (const text of early.splice(0)) write(text);
      timers.push(setInterval(() => write(": keep-alive\n\n"), HEARTBEAT_MS));
      timers.push(
        setInterval(() => {
          sessionUser(getPrisma(), session).then(
            (current) => {
              if (!current) close();
            },
            () => undefined,
          );
        }, SESSION_CHECK_MS),
      );
      timers.push(setTimeout(close, MAX_STREAM_MS));
      if (request.signal.aborted) close();
      else request.signal.addEventListener("abort", close);
    },
    cancel() {
      close();
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: no compression (which would hold events back) and no proxy rewriting.
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}

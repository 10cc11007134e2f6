import { countFromAnswer, countFromEvent, POLL_MS, STREAM_URL, UNREAD_COUNT_URL } from "./bell-label";

/** What the bells of a page know: the live count (null until told) and how it is kept up to date. */
export interface UnreadState {
  count: number | null;
  live: "server" | "stream" | "polling";
}

const INITIAL: UnreadState = { count: null, live: "server" };
let state = INITIAL;
const subscribers = new Set<() => void>();
let stop: (() => void) | null = null;

const update = (next: Partial<UnreadState>) => {
  state = { ...state, ...next };
  for (const notify of subscribers) notify();
};

/**
 * Keeps the count up to date: server-sent events (app/api/notifications/stream), or, when the
 * browser has no EventSource or the stream is refused or down, `notification.unreadCount` every 30
 * seconds until the stream is back. Returns what stops it.
 */
function start(): () => void {
  let poller: ReturnType<typeof setInterval> | undefined;
  let stopped = false;
  const poll = () => {
    fetch(UNREAD_COUNT_URL, { headers: { accept: "application/json" }, cache: "no-store" })
      .then((response) => response.json())
      .then((answer: unknown) => {
        const count = countFromAnswer(answer);
        if (!stopped && count !== null) update({ count });
      })
      .catch(() => undefined);
  };
  const startPolling = () => {
    if (poller === undefined) poller = setInterval(poll, POLL_MS);
    if (state.live !== "polling") update({ live: "polling" });
  };
  const stopPolling = () => {
    clearInterval(poller);
    poller = undefined;
  };
  if (typeof EventSource === "undefined") {
    startPolling();
    return () => {
      stopped = true;
      stopPolling();
    };
  }
  const source = new EventSource(STREAM_URL);
  source.addEventListener("unread", (event) => {
    const count = countFromEvent((event as MessageEvent<string>).data);
    if (count !== null) update({ count });
  });
  source.addEventListener("open", () => {
    stopPolling();
    update({ live: "stream" });
  });
  source.addEventListener("error", () => {
    // Refused (signed out, too many tabs) or down: poll meanwhile; the browser retries a dropped stream by itself.
    if (source.readyState === EventSource.CLOSED) poll();
    startPolling();
  });
  return () => {
    stopped = true;
    source.close();
    stopPolling();
  };
}

/**
 * For useSyncExternalStore: however many bells a page shows (the phone's and the desktop's), one
 * stream, opened with the first and closed with the last.
 */
export function subscribeUnread(onChange: () => void): () => void {
  subscribers.add(onChange);
  if (subscribers.size === 1) stop = start();
  return () => {
    subscribers.delete(onChange);
    if (subscribers.size > 0) return;
    stop?.();
    stop = null;
    state = INITIAL;
  };
}

export const unreadSnapshot = () => state;
export const unreadServerSnapshot = () => INITIAL;

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { bellLabel, countFromAnswer, countFromEvent, POLL_MS, STREAM_URL, UNREAD_COUNT_URL } from "./bell-label";

/**
 * The header's bell: a link to /notifications named by the unread count ("3 unread notifications"),
 * drawn with the count the server read (first paint), then kept live by server-sent events
 * (app/api/notifications/stream), or, when the browser has no EventSource or the stream is refused
 * or down, by asking `notification.unreadCount` every 30 seconds until the stream is back. A small
 * island on purpose: the root layout places it, so it uses neither React Query nor the tRPC client
 * (CONTRIBUTING, "What the browser loads").
 */
export function NotificationBell({ initialCount }: { initialCount: number | null }) {
  const pathname = usePathname();
  const [count, setCount] = useState(initialCount);
  // How the count is kept up to date now, for tests and for people inspecting the page.
  const [live, setLive] = useState<"server" | "stream" | "polling">("server");
  // A server render with a newer count (a navigation, router.refresh()) replaces the one shown.
  const [rendered, setRendered] = useState(initialCount);
  if (initialCount !== rendered) {
    setRendered(initialCount);
    if (initialCount !== null) setCount(initialCount);
  }

  useEffect(() => {
    let poller: ReturnType<typeof setInterval> | undefined;
    let gone = false;
    const poll = () => {
      fetch(UNREAD_COUNT_URL, { headers: { accept: "application/json" }, cache: "no-store" })
        .then((response) => response.json())
        .then((answer: unknown) => {
          const next = countFromAnswer(answer);
          if (!gone && next !== null) setCount(next);
        })
        .catch(() => undefined);
    };
    const startPolling = () => {
      if (poller === undefined) poller = setInterval(poll, POLL_MS);
      if (!gone) setLive("polling");
    };
    const stopPolling = () => {
      clearInterval(poller);
      poller = undefined;
    };
    if (typeof EventSource === "undefined") {
      startPolling();
      return () => {
        gone = true;
        stopPolling();
      };
    }
    const source = new EventSource(STREAM_URL);
    source.addEventListener("unread", (event) => {
      const next = countFromEvent((event as MessageEvent<string>).data);
      if (next !== null) setCount(next);
    });
    source.addEventListener("open", () => {
      stopPolling();
      setLive("stream");
    });
    source.addEventListener("error", () => {
      // Refused (signed out, too many tabs) or down: poll meanwhile; the browser retries a dropped stream by itself.
      if (source.readyState === EventSource.CLOSED) poll();
      startPolling();
    });
    return () => {
      gone = true;
      source.close();
      stopPolling();
    };
  }, []);

  const label = bellLabel(count);
  return (
    <>
      <Link
        href="/notifications"
        aria-label={label}
        aria-current={pathname === "/notifications" ? "page" : undefined}
        data-testid="notification-bell"
        data-live={live}
        className="relative ml-auto inline-flex h-9 w-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 hover:text-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {count !== null && count > 0 && (
          <span aria-hidden data-testid="notification-bell-count" className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs font-semibold leading-5 text-white">
            {count.toLocaleString("en-US")}
          </span>
        )}
      </Link>
      {/* Said when the count changes (not on the first paint): "4 unread notifications". */}
      <span role="status" aria-live="polite" className="sr-only">
        {label}
      </span>
    </>
  );
}

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type MouseEvent } from "react";
import { formatCount } from "@fairlance/rules";
import { Alert, Button, EmptyState, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { FIRST_PAGE, UNREAD_FIRST_PAGE } from "./first-page";

interface Item {
  id: string;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

/**
 * The person's notifications, newest first: each with its title, its sentence with the figures,
 * when it happened and a link to where; unread ones say so in words (and stand out). Opening one
 * marks it read; "Mark all as read" reads them all. A page at a time by cursor ("Load more"); "Unread"
 * shows only those. The bell follows by itself (the server tells it, app/api/notifications/stream).
 */
export function NotificationsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  // The cursors of the pages loaded after the first, for the filter in force.
  const [more, setMore] = useState<string[]>([]);
  const first = useQuery(trpc.notification.list.queryOptions(unreadOnly ? UNREAD_FIRST_PAGE : FIRST_PAGE));
  const refresh = () => queryClient.invalidateQueries(trpc.notification.list.pathFilter());
  const markAll = useMutation(trpc.notification.markAllRead.mutationOptions({ onSettled: refresh }));
  const unread = first.data?.unreadCount;

  const show = (onlyUnread: boolean) => {
    if (onlyUnread === unreadOnly) return;
    setUnreadOnly(onlyUnread);
    setMore([]);
    markAll.reset();
  };
  const pages = [undefined, ...more];
  // The last page loaded (or loading) says whether there is another: one "Load more" button below
  // the list, which stays where it is (and keeps the focus) while the next page loads.
  const last = useQuery(trpc.notification.list.queryOptions(pageInput(pages.at(-1), unreadOnly)));
  const next = last.data?.nextCursor ?? null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Notifications</h1>
          <p aria-live="polite" className="mt-1 text-sm text-slate-600" data-testid="notifications-unread">
            {unread === undefined ? "\u00a0" : unread === 0 ? "You have read them all." : `${formatCount(unread, "unread notification")}.`}
          </p>
        </div>
        <Button variant="secondary" disabled={!unread || markAll.isPending} onClick={() => markAll.mutate({})}>
          {markAll.isPending ? "Marking…" : "Mark all as read"}
        </Button>
      </div>

      <div role="group" aria-label="Which notifications" className="flex gap-2">
        <Button variant={unreadOnly ? "secondary" : "primary"} className="px-3 py-1" aria-pressed={!unreadOnly} onClick={() => show(false)}>
          All
        </Button>
        <Button variant={unreadOnly ? "primary" : "secondary"} className="px-3 py-1" aria-pressed={unreadOnly} onClick={() => show(true)}>
          Unread
        </Button>
      </div>

      <div aria-live="polite">
        <ErrorAlert error={markAll.error} />
        {markAll.data && <Alert tone="success">{markAll.data.marked === 0 ? "There was nothing left to mark." : `Marked ${formatCount(markAll.data.marked, "notification")} as read.`}</Alert>}
      </div>

      <section aria-labelledby="notifications-list-heading" className="space-y-3">
        <h2 id="notifications-list-heading" className="sr-only">
          {unreadOnly ? "Unread notifications" : "All notifications"}
        </h2>
        <ErrorAlert error={first.error} />
        {first.isPending ? (
          <Skeleton className="h-32 w-full" />
        ) : first.data && first.data.items.length === 0 ? (
          unreadOnly ? (
            <EmptyState title="No unread notifications">You have read everything. Choose All to see earlier ones.</EmptyState>
          ) : (
            <EmptyState title="No notifications yet">
              When something happens (a proposal viewed, an offer, a funded milestone, money available, connects refunded) it is listed here, and the bell at the top
              of every page counts what you have not read.
            </EmptyState>
          )
        ) : (
          <>
            <ul className="space-y-3" data-testid="notification-list">
              {pages.map((cursor) => (
                <NotificationPageItems key={cursor ?? "first"} cursor={cursor} unreadOnly={unreadOnly} />
              ))}
            </ul>
            {(next || last.isPending) && (
              <div className="flex justify-center pt-2">
                <Button
                  variant="secondary"
                  aria-disabled={last.isPending || undefined}
                  onClick={() => {
                    if (!last.isPending && next) setMore((loaded) => (loaded.includes(next) ? loaded : [...loaded, next]));
                  }}
                >
                  {last.isPending ? "Loading more…" : "Load more"}
                </Button>
              </div>
            )}
          </>
        )}
      </section>
    </div>
  );
}

/** The query of a page: the first (as the server prefetched it), or the one after `cursor`. */
function pageInput(cursor: string | undefined, unreadOnly: boolean) {
  if (cursor === undefined) return unreadOnly ? UNREAD_FIRST_PAGE : FIRST_PAGE;
  return unreadOnly ? { cursor, unread: true } : { cursor };
}

/** One page of the list: the first, or the one after `cursor`. */
function NotificationPageItems({ cursor, unreadOnly }: { cursor: string | undefined; unreadOnly: boolean }) {
  const trpc = useTRPC();
  const input = pageInput(cursor, unreadOnly);
  const page = useQuery(trpc.notification.list.queryOptions(input));
  if (page.isPending) {
    return (
      <li aria-busy="true">
        <span className="sr-only">Loading more notifications…</span>
        <Skeleton className="h-24 w-full" />
      </li>
    );
  }
  if (page.error) {
    return (
      <li>
        <ErrorAlert error={page.error} />
      </li>
    );
  }
  return (
    <>
      {page.data.items.map((item) => (
        <NotificationRow key={item.id} item={item} />
      ))}
    </>
  );
}

/** A notification: unread ones carry the word "Unread" and a bar (not colour alone); opening one marks it read, then goes where it happened. */
function NotificationRow({ item }: { item: Item }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const markRead = useMutation(trpc.notification.markRead.mutationOptions({ onSettled: () => queryClient.invalidateQueries(trpc.notification.list.pathFilter()) }));
  const unread = item.readAt === null;
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!unread || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) {
      if (unread) markRead.mutate({ ids: [item.id] });
      return;
    }
    event.preventDefault();
    // Read first, so the page it leads to (and the bell) already count it as read; go there whatever the answer.
    markRead.mutateAsync({ ids: [item.id] }).catch(() => undefined).finally(() => router.push(item.link));
  };
  return (
    <li>
      <article
        aria-labelledby={`notification-${item.id}`}
        data-testid="notification"
        data-unread={unread ? "true" : undefined}
        className={`rounded-lg border bg-white p-4 shadow-sm ${unread ? "border-l-4 border-brand-600 border-y-slate-200 border-r-slate-200" : "border-slate-200"}`}
      >
        <div className="flex flex-wrap items-center gap-2">
          {unread && <span className="rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">Unread</span>}
          <h3 id={`notification-${item.id}`} className={`text-base ${unread ? "font-semibold" : "font-medium"}`}>
            <Link href={item.link} onClick={open} className="text-brand-700 hover:underline">
              {item.title}
            </Link>
          </h3>
        </div>
        <p className="mt-1 break-words text-sm text-slate-700">{item.body}</p>
        <p className="mt-2 text-xs text-slate-500">
          <time dateTime={item.createdAt.toISOString()}>{formatDateTime(item.createdAt)}</time>
          {item.readAt && <> · read {formatDateTime(item.readAt)}</>}
        </p>
      </article>
    </li>
  );
}

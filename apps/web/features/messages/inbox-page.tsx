"use client";

import { MESSAGE_SEARCH } from "@fairlance/rules";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button, EmptyState, Field, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { profileHref } from "@/features/shared/person-link";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { FIRST_INBOX } from "./first-inbox";

const KIND_LABEL = { proposal: "Proposal", contract: "Contract", dispute: "Dispute" } as const;
const time = new Intl.DateTimeFormat("en-US", { timeStyle: "short", timeZone: "UTC" });

/**
 * The Messages page (economy.md §5.1): every conversation — proposals, contracts, disputes — newest
 * activity first, with the other person, the job, the latest message and the unread count; older
 * conversations a page at a time; a search of one's messages.
 */
export function InboxPage() {
  const [search, setSearch] = useState<string | null>(null);
  const [typed, setTyped] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = typed.trim();
    if (!text) {
      setProblem(null);
      setSearch(null);
      return;
    }
    if (text.length < MESSAGE_SEARCH.min) {
      setProblem(`Type at least ${MESSAGE_SEARCH.min} characters to search your messages.`);
      return;
    }
    setProblem(null);
    setSearch(text);
  };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Messages</h1>
      <form role="search" onSubmit={submit} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1">
          <Field
            id="inbox-search"
            label="Search your messages"
            type="search"
            value={typed}
            maxLength={MESSAGE_SEARCH.max}
            error={problem ?? undefined}
            onChange={(event) => {
              setTyped(event.target.value);
              setProblem(null);
            }}
          />
        </div>
        <div className="flex gap-2">
          <Button type="submit">Search</Button>
          {search && (
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setTyped("");
                setSearch(null);
              }}
            >
              Clear
            </Button>
          )}
        </div>
      </form>
      <Conversations key={search ?? ""} search={search} />
    </div>
  );
}

/** The list: its first page, then each older page asked for with "Show older conversations". */
function Conversations({ search }: { search: string | null }) {
  const [cursors, setCursors] = useState<string[]>([]);
  return (
    <section aria-labelledby="conversations-heading" className="space-y-3">
      <h2 id="conversations-heading" className="sr-only">
        {search ? `Conversations with messages containing “${search}”` : "Your conversations"}
      </h2>
      {search && <p className="text-sm text-slate-600">Conversations with a message containing “{search}”, the latest match first.</p>}
      <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
        {[null, ...cursors].map((cursor, index) => (
          <InboxChunk
            key={cursor ?? "first"}
            cursor={cursor}
            search={search}
            last={index === cursors.length}
            onOlder={(next) => setCursors((current) => (current.includes(next) ? current : [...current, next]))}
          />
        ))}
      </ul>
    </section>
  );
}

function InboxChunk({ cursor, search, last, onOlder }: { cursor: string | null; search: string | null; last: boolean; onOlder: (cursor: string) => void }) {
  const trpc = useTRPC();
  const input = cursor || search ? { ...(cursor ? { cursor } : {}), ...(search ? { search } : {}) } : FIRST_INBOX;
  const page = useQuery({ ...trpc.message.inbox.queryOptions(input), refetchInterval: cursor ? false : 30_000 });
  if (page.isPending) {
    return (
      <li className="p-4">
        <Skeleton className="h-16 w-full" />
      </li>
    );
  }
  if (page.isError) {
    return (
      <li className="p-4">
        <ErrorAlert error={page.error} />
      </li>
    );
  }
  const { conversations, nextCursor } = page.data;
  return (
    <>
      {conversations.length === 0 && !cursor && (
        <li className="p-4">
          <EmptyState title={search ? "No message contains that" : "No conversations yet"}>
            {search ? "Try other words." : "Conversations start on a proposal, a contract or a dispute; they all show up here."}
          </EmptyState>
        </li>
      )}
      {conversations.map((conversation) => (
        <li key={`${conversation.kind}:${conversation.id}`} className={conversation.unread > 0 ? "bg-brand-50/40" : undefined}>
          <article aria-labelledby={`conversation-${conversation.id}`} className="flex min-w-0 flex-col gap-1 p-4 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
            <div className="min-w-0 space-y-1">
              <h3 id={`conversation-${conversation.id}`} className="min-w-0 text-base font-semibold">
                <Link href={conversation.href} className="break-words text-brand-700 hover:underline">
                  {conversation.with.map((person) => person.name).join(" and ")}
                  <span className="sr-only"> — {conversation.subject}{conversation.unread > 0 ? `, ${conversation.unread} unread` : ""}</span>
                </Link>
              </h3>
              <p className="break-words text-sm text-slate-700">
                <span className="mr-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{KIND_LABEL[conversation.kind]}</span>
                {conversation.subject}
              </p>
              {conversation.last && (
                <p className={`break-words text-sm ${conversation.unread > 0 ? "font-medium text-slate-900" : "text-slate-600"}`}>
                  <span className="text-slate-500">{conversation.last.byViewer ? "You" : conversation.last.byName}: </span>
                  {conversation.last.preview}
                </p>
              )}
              {conversation.closed && <p className="text-xs text-slate-600">{conversation.closed}</p>}
              <p className="flex flex-wrap gap-x-3 text-xs">
                {conversation.with.map((person) => (
                  <Link key={person.id} href={profileHref(person.role, person.id)} className="text-brand-700 underline">
                    {person.name}&apos;s profile
                  </Link>
                ))}
              </p>
            </div>
            <div className="flex shrink-0 items-center gap-2 sm:flex-col sm:items-end">
              <time dateTime={conversation.lastAt.toISOString()} className="text-xs text-slate-500">
                {formatDate(conversation.lastAt)} {time.format(conversation.lastAt)} UTC
              </time>
              {conversation.unread > 0 && (
                <span className="rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white" aria-hidden>
                  {conversation.unread} unread
                </span>
              )}
            </div>
          </article>
        </li>
      ))}
      {last && nextCursor && (
        <li className="p-3 text-center">
          <Button type="button" variant="secondary" onClick={() => onOlder(nextCursor)}>
            Show older conversations
          </Button>
        </li>
      )}
    </>
  );
}

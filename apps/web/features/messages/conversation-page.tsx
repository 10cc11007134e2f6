"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Alert, Card, Skeleton } from "@/components/ui";
import { StatementForm } from "@/features/disputes/dispute-actions";
import { ErrorAlert } from "@/features/shared/error-message";
import { PersonLink } from "@/features/shared/person-link";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { MessageThread } from "./message-thread";
import { useMarkRead, type ConversationKind } from "./use-mark-read";

export type { ConversationKind };

const SIDE = { client: "Client", freelancer: "Freelancer", admin: "Fairlance mediator" } as const;

/**
 * One conversation on its own screen (economy.md §5.1): who it is with, what it is about, its
 * messages (the proposal's or contract's thread, with the composer and attachments) or a dispute's
 * statements. Opening it marks it read, and so does a message arriving while it is open (the
 * thread marks a proposal's or contract's conversation, wherever it is shown; here, a dispute's).
 */
export function ConversationPage({ kind, id }: { kind: ConversationKind; id: string }) {
  const trpc = useTRPC();
  const conversation = useQuery(trpc.message.conversation.queryOptions({ kind, id }));
  const latestStatement = conversation.data?.statements?.at(-1)?.id ?? "opened";
  useMarkRead(kind, id, kind === "dispute" && conversation.isSuccess ? latestStatement : null);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <Link href="/messages" className="text-brand-700 underline">
          ← All conversations
        </Link>
        <MarkUnread kind={kind} id={id} />
      </div>
      {conversation.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : conversation.isError ? (
        <ErrorAlert error={conversation.error} />
      ) : (
        <>
          <header className="space-y-1">
            <h1 className="break-words text-2xl font-bold">
              {conversation.data.with.map((person, index) => (
                <span key={person.id}>
                  {index > 0 && " and "}
                  {person.name}
                </span>
              ))}
            </h1>
            <p className="break-words text-sm text-slate-700">{conversation.data.subject}</p>
            <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {conversation.data.with.map((person) => (
                <span key={person.id}>
                  <PersonLink role={person.role} person={{ id: person.id, name: `${person.name}'s profile` }} />
                </span>
              ))}
              <Link href={conversation.data.context.href} className="text-brand-700 underline">
                {conversation.data.context.label}
              </Link>
            </p>
          </header>
          <Card>
            {kind === "dispute" ? (
              <section aria-labelledby="statements-heading" className="space-y-3">
                <h2 id="statements-heading" className="text-base font-semibold">
                  Statements
                </h2>
                {conversation.data.statements && conversation.data.statements.length > 0 ? (
                  <ol className="space-y-3" aria-label="Conversation">
                    {conversation.data.statements.map((statement) => (
                      <li key={statement.id} className="rounded-md border border-slate-200 p-3 text-sm">
                        <p className="text-xs text-slate-500">
                          {statement.byViewer ? "You" : `${SIDE[statement.side]} · ${statement.byName}`} · {formatDateTime(statement.at)}
                        </p>
                        <p className="mt-1 whitespace-pre-line break-words">{statement.text}</p>
                        {statement.links.length > 0 && (
                          <ul className="mt-1 list-disc pl-5">
                            {statement.links.map((link) => (
                              <li key={link}>
                                <a href={link} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-brand-700 underline">
                                  {link}
                                </a>
                              </li>
                            ))}
                          </ul>
                        )}
                      </li>
                    ))}
                  </ol>
                ) : (
                  <p className="text-sm text-slate-500">No statements yet.</p>
                )}
                {conversation.data.closed ? <Alert tone="info">{conversation.data.closed}</Alert> : <StatementForm disputeId={id} />}
              </section>
            ) : (
              <MessageThread {...(kind === "proposal" ? { proposalId: id } : { contractId: id })} closed={conversation.data.closed} title="Conversation" scroll={false} />
            )}
          </Card>
        </>
      )}
    </div>
  );
}

/** "Mark as unread": the other side's latest message counts again; back to the list. */
function MarkUnread({ kind, id }: { kind: ConversationKind; id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const unread = useMutation(
    trpc.message.markUnread.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.message.inbox.pathFilter());
        router.push("/messages");
        router.refresh();
      },
    }),
  );
  return (
    <span className="flex flex-wrap items-center gap-2">
      <button type="button" onClick={() => unread.mutate({ kind, id })} disabled={unread.isPending} className="font-medium text-brand-700 underline disabled:opacity-60">
        Mark as unread
      </button>
      <ErrorAlert error={unread.error} />
    </span>
  );
}

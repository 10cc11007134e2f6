"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";
import { MessageComposer } from "./message-composer";
import { MessageItem } from "./message-item";
import { useMarkRead } from "./use-mark-read";

/**
 * The conversation of one proposal or one contract (exactly one of the two ids). The scam shield's
 * warning is shown to the recipient above a flagged message; the sender is told their message was
 * flagged when they send it (economy.md §5). A closed conversation (its job was removed) is read-only:
 * `closed` says why, in place of the composer.
 */
export function MessageThread({ proposalId, contractId, closed = null, title = "Messages", scroll = true }: { proposalId?: string; contractId?: string; closed?: string | null; title?: string; scroll?: boolean }) {
  const trpc = useTRPC();
  const ref = proposalId ? { proposalId } : { contractId };
  const thread = useQuery({ ...trpc.message.list.queryOptions(ref), refetchInterval: 15_000 });
  // Shown is read (economy.md §5.1): on the proposal, the contract or the Messages page alike.
  useMarkRead(proposalId ? "proposal" : "contract", (proposalId ?? contractId)!, thread.isSuccess ? (thread.data.at(-1)?.id ?? "empty") : null);
  return (
    <section aria-labelledby={`thread-${proposalId ?? contractId}`} className="space-y-3">
      <h3 id={`thread-${proposalId ?? contractId}`} className="text-base font-semibold">{title}</h3>
      {thread.isPending ? (
        <Skeleton className="h-20 w-full" />
      ) : thread.isError ? (
        <ErrorAlert error={thread.error} />
      ) : thread.data.length === 0 ? (
        <p className="text-sm text-slate-500">No messages yet.</p>
      ) : (
        <ol className={`space-y-2 ${scroll ? "max-h-96 overflow-y-auto" : ""}`} aria-label="Conversation">
          {thread.data.map((message) => <MessageItem key={message.id} message={message} />)}
        </ol>
      )}
      {closed ? <Alert tone="info">{closed}</Alert> : <MessageComposer refTo={ref} />}
    </section>
  );
}

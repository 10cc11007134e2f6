"use client";

import { useQuery } from "@tanstack/react-query";
import { Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";
import { MessageComposer } from "./message-composer";
import { MessageItem } from "./message-item";

/**
 * The conversation of one proposal or one contract (exactly one of the two ids). The scam shield's
 * warning is shown to the recipient above a flagged message; the sender is told their message was
 * flagged when they send it (economy.md §5).
 */
export function MessageThread({ proposalId, contractId }: { proposalId?: string; contractId?: string }) {
  const trpc = useTRPC();
  const ref = proposalId ? { proposalId } : { contractId };
  const thread = useQuery({ ...trpc.message.list.queryOptions(ref), refetchInterval: 15_000 });
  return (
    <section aria-labelledby={`thread-${proposalId ?? contractId}`} className="space-y-3">
      <h3 id={`thread-${proposalId ?? contractId}`} className="text-base font-semibold">Messages</h3>
      {thread.isPending ? (
        <Skeleton className="h-20 w-full" />
      ) : thread.isError ? (
        <ErrorAlert error={thread.error} />
      ) : thread.data.length === 0 ? (
        <p className="text-sm text-slate-500">No messages yet.</p>
      ) : (
        <ol className="max-h-96 space-y-2 overflow-y-auto" aria-label="Conversation">
          {thread.data.map((message) => <MessageItem key={message.id} message={message} />)}
        </ol>
      )}
      <MessageComposer refTo={ref} />
    </section>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/trpc/client";

export type ConversationKind = "proposal" | "contract" | "dispute";

/**
 * Marks a conversation read once it is shown (`latest`: its latest message's id, null while it
 * loads), and again when something new arrives in it (economy.md §5.1). When that changed the
 * mark, the inbox and the navigation's count ("Messages 2", drawn on the server) are read again.
 */
export function useMarkRead(kind: ConversationKind, id: string, latest: string | null) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const marked = useRef<string | null>(null);
  const { mutate } = useMutation(
    trpc.message.markRead.mutationOptions({
      onSuccess: async (read) => {
        if (!read.changed) return;
        await queryClient.invalidateQueries(trpc.message.inbox.pathFilter());
        router.refresh();
      },
    }),
  );
  useEffect(() => {
    if (latest === null || marked.current === latest) return;
    marked.current = latest;
    mutate({ kind, id });
  }, [kind, id, latest, mutate]);
}

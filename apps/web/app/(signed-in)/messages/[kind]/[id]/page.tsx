import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Providers } from "@/app/providers";
import { ConversationPage, type ConversationKind } from "@/features/messages/conversation-page";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Conversation" };

const KINDS: readonly string[] = ["proposal", "contract", "dispute"] satisfies ConversationKind[];

export default async function Page({ params }: { params: Promise<{ kind: string; id: string }> }) {
  const { kind, id } = await params;
  if (!KINDS.includes(kind)) notFound();
  const conversationKind = kind as ConversationKind;
  await prefetch(
    trpc.message.conversation.queryOptions({ kind: conversationKind, id }),
    ...(conversationKind === "dispute" ? [] : [trpc.message.list.queryOptions(conversationKind === "proposal" ? { proposalId: id } : { contractId: id }), trpc.report.mine.queryOptions()]),
  );
  return (
    <Providers>
      <HydrateClient>
        <ConversationPage kind={conversationKind} id={id} />
      </HydrateClient>
    </Providers>
  );
}

import { Card } from "@/components/ui";
import { MessageThread } from "@/features/messages/message-thread";

/** The contract's conversation (the thread component of the messages feature, with its scam shield). */
export function ContractMessages({ contractId }: { contractId: string }) {
  return (
    <Card>
      <MessageThread contractId={contractId} />
    </Card>
  );
}

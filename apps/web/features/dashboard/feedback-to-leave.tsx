import type { RouterOutputs } from "@/features/contracts/types";
import { formatDateTime } from "@/lib/format";
import { Empty, Row, Rows, Section } from "./parts";

type ToLeave = RouterOutputs["dashboard"]["freelancer"]["feedbackToLeave"];

/**
 * Ended contracts waiting for my feedback (economy.md §10.2), soonest to close first: each row leads
 * to the contract's feedback panel and says until when the window is open.
 */
export function FeedbackToLeave({ items, className }: { items: ToLeave; className?: string }) {
  return (
    <Section title="Feedback to leave" tone={items.length > 0 ? "attention" : "plain"} className={className}>
      {items.length === 0 ? (
        <Empty>No feedback to leave. When a contract that paid ends, rate the other side here before its window closes.</Empty>
      ) : (
        <Rows label="Contracts waiting for your feedback">
          {items.map((item) => (
            <Row key={item.contractId} href={`/contracts/${item.contractId}#feedback`} title={item.title} urgent>
              Rate {item.about.name} by {formatDateTime(item.closesAt)}; it stays blind until you have both left yours.
            </Row>
          ))}
        </Rows>
      )}
    </Section>
  );
}

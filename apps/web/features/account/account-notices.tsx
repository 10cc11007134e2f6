import { Alert } from "@/components/ui";
import { formatDate } from "@/lib/format";

/**
 * What an admin told the person about their account (economy.md §5): each warning of the last 30
 * days with its reason. Rendered on the server from the page's prefetch; it needs no JavaScript.
 */
export function AccountNotices({ warnings }: { warnings: readonly { id: string; reason: string; createdAt: Date }[] }) {
  if (warnings.length === 0) return null;
  return (
    <section aria-label="Notices about your account" className="mb-6 space-y-2" data-testid="account-notices">
      {warnings.map((warning) => (
        <Alert key={warning.id} tone="warning">
          <strong className="font-semibold">A warning from Fairlance ({formatDate(warning.createdAt)}): </strong>
          {warning.reason}
          {/[.!?]$/.test(warning.reason) ? " " : ". "}
          Messages that break the rules can be removed, and repeated problems can lead to a suspension.
        </Alert>
      ))}
    </section>
  );
}

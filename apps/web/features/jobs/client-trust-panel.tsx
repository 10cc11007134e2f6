import { Money } from "@/components/money";
import { Card } from "@/components/ui";
import { PersonLink } from "@/features/shared/person-link";
import { ratingText } from "@/features/shared/reputation-text";
import { formatDate } from "@/lib/format";

interface Trust {
  paymentVerified: boolean;
  totalSpentMinor: bigint;
  hires: number;
  hireRatePercent: number | null;
  openJobs: number;
  memberSince: Date;
  /** Who the client is (their name links to their profile) and the stars freelancers gave them; absent where the page is already theirs. */
  id?: string;
  name?: string;
  rating?: { display: string | null; fromText: string };
}

/** The client trust panel of economy.md §5, from the server's facts about the client. */
export function ClientTrustPanel({ client }: { client: Trust }) {
  return (
    <Card title="About the client">
      {client.id && client.name && (
        <p className="mb-2 font-semibold">
          <PersonLink role="CLIENT" person={{ id: client.id, name: client.name }} />
        </p>
      )}
      <dl className="space-y-2 text-sm">
        {client.rating && (
          <Row label="Rating from freelancers">
            <span aria-hidden className="text-amber-500">★ </span>
            {ratingText(client.rating)}
          </Row>
        )}
        <Row label="Payment method">
          {client.paymentVerified ? <span className="font-medium text-emerald-700">✓ Verified</span> : <span className="font-medium text-amber-700">✗ Not verified yet</span>}
        </Row>
        <Row label="Total spent"><Money minor={client.totalSpentMinor} /></Row>
        <Row label="Hires">{client.hires}</Row>
        <Row label="Hire rate">{client.hireRatePercent === null ? "No jobs yet" : `${client.hireRatePercent}%`}</Row>
        <Row label="Open jobs">{client.openJobs}</Row>
        <Row label="Member since">{formatDate(client.memberSince)}</Row>
      </dl>
    </Card>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-2">
      <dt className="text-slate-600">{label}</dt>
      <dd className="text-right text-slate-900">{children}</dd>
    </div>
  );
}

import Link from "next/link";
import { formatConnects, formatCount, formatMinutes } from "@fairlance/rules";
import { Bid, Money } from "@/components/money";
import type { RouterOutputs } from "@/features/contracts/types";
import { PROPOSAL_STATUS_LABEL } from "@/features/jobs/job-labels";
import { formatDate, formatDateTime, formatDay, formatLastDay } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { FeedbackToLeave } from "./feedback-to-leave";
import { Empty, Figure, Row, Rows, Section } from "./parts";

type Data = RouterOutputs["dashboard"]["freelancer"];
type Contract = Data["contracts"][number];

const NOT_SENT: Record<NonNullable<Data["nextWithdrawal"]>["reason"], string> = {
  threshold_met: "",
  aged_balance: "",
  below_threshold: "nothing would be sent today: Available is below your threshold",
  nothing_available: "nothing would be sent today: nothing is available yet",
  not_above_fee: "nothing would be sent today: the amount does not exceed the method's fee",
  net_below_minimum: "nothing would be sent today: what would arrive after the fee is below the smallest useful payout",
};

/** The freelancer's dashboard (economy.md §2, §3, §4): money and its dates, connects, contracts, offers, proposals. */
export function FreelancerDashboard({ data }: { data: Data }) {
  const b = data.money.balances;
  const nextPending = data.money.pending[0];
  const firstReview = data.money.inReview.find((w) => w.disputeDeadline);
  const next = data.nextWithdrawal;
  return (
    <div className="grid gap-4 lg:grid-flow-row-dense lg:grid-cols-3">
      {data.offers.length > 0 && (
        <Section title="Offers to answer" tone="attention" className="lg:col-span-3">
          <Rows>
            {data.offers.map((offer) => (
              <Row
                key={offer.contractId}
                href={`/contracts/${offer.contractId}`}
                title={offer.title}
                meta={offer.type === "HOURLY" && offer.hourlyRateMinor !== null ? <Bid minor={offer.hourlyRateMinor} jobType="HOURLY" /> : <Money minor={offer.totalMinor} />}
                urgent
              >
                From {offer.clientName}: accept or decline by {formatDateTime(offer.offerExpiresAt)}, or it expires.
              </Row>
            ))}
          </Rows>
        </Section>
      )}

      <Section title="Your money" more={{ href: "/earnings", label: "Earnings and history" }} className="lg:col-span-2">
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          <Figure label="Available" value={<Money minor={b.availableMinor} />} hint={<Link href="/payouts" className="text-brand-700 underline">Withdraw</Link>} emphasis />
          <Figure label="Pending" value={<Money minor={b.pendingMinor} />} hint={nextPending ? `${formatMoney(nextPending.netMinor)} available on ${formatDate(nextPending.availableAt)}` : "Security period after each payment"} />
          <Figure label="In escrow" value={<Money minor={b.inEscrowMinor} />} hint="Funded, paid when approved" />
          <Figure
            label="In review"
            value={<Money minor={b.inReviewMinor} />}
            hint={firstReview?.disputeDeadline ? `Released ${formatDay(firstReview.disputeDeadline)} unless disputed` : "Hourly invoices the client can dispute"}
          />
          <Figure
            label="In dispute"
            value={<Money minor={b.inDisputeMinor} />}
            hint={data.money.inDispute[0] ? `Frozen since ${formatDate(data.money.inDispute[0].openedAt)}` : "Frozen until decided"}
          />
          <Figure label="On its way" value={<Money minor={b.withdrawingMinor} />} hint={`${formatMoney(b.withdrawnMinor)} withdrawn in all`} />
        </dl>
        <p className="mt-3 text-sm text-slate-700" data-testid="dashboard-next-withdrawal">
          {next ? (
            <>
              Next automatic withdrawal: <strong>{formatDate(next.runAt)}</strong>
              {next.due && " (due now)"} to {next.methodLabel}
              {next.payout ? (
                <>
                  : with today&apos;s balance it would send <Money minor={next.amountMinor} /> and you would receive <Money minor={next.netMinor} />.
                </>
              ) : (
                <>; {NOT_SENT[next.reason]}.</>
              )}
            </>
          ) : (
            <>
              No automatic withdrawals.{" "}
              <Link href="/payouts" className="text-brand-700 underline">
                Set a schedule
              </Link>{" "}
              or withdraw when you choose.
            </>
          )}
        </p>
      </Section>

      <Section title="Active contracts" more={{ href: "/contracts", label: "All contracts" }} className="lg:col-span-2">
        {data.contracts.length === 0 ? (
          <Empty action={{ href: "/jobs", label: "Find work" }}>No active contracts. Send proposals to open jobs; a contract starts when you accept a client&apos;s offer.</Empty>
        ) : (
          <Rows>
            {data.contracts.map((contract) => (
              <ContractRow key={contract.id} contract={contract} />
            ))}
          </Rows>
        )}
      </Section>

      <Section title="Connects" more={{ href: "/connects", label: "Buy connects" }}>
        <dl>
          <Figure label="Balance" value={formatConnects(data.connects.balance)} emphasis />
        </dl>
        {data.connects.expiringSoon.length > 0 ? (
          <ul className="mt-3 space-y-1 text-sm text-slate-700" aria-label="Connects expiring soon">
            {data.connects.expiringSoon.map((lot) => (
              <li key={lot.expiresAt.toISOString() + lot.connects}>
                {formatConnects(lot.connects)} expire on {formatDate(lot.expiresAt)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 text-sm text-slate-600">None expire in the next 30 days.</p>
        )}
      </Section>

      <Section title="Proposals waiting for an answer" more={{ href: "/proposals", label: "My proposals" }}>
        {data.proposals.length === 0 ? (
          <Empty action={{ href: "/jobs", label: "Find work" }}>No proposal is waiting for a client. {formatCount(data.openJobs, "job")} open now.</Empty>
        ) : (
          <Rows>
            {data.proposals.map((proposal) => (
              <Row key={proposal.id} href={`/jobs/${proposal.jobId}`} title={proposal.jobTitle} meta={<Bid minor={proposal.bidMinor} jobType={proposal.jobType} />}>
                {PROPOSAL_STATUS_LABEL[proposal.status] ?? proposal.status} · sent {formatDate(proposal.submittedAt)}
              </Row>
            ))}
          </Rows>
        )}
        {data.proposalsAwaiting > data.proposals.length && (
          <p className="mt-2 text-sm text-slate-600">And {formatCount(data.proposalsAwaiting - data.proposals.length, "more", "more")} on My proposals.</p>
        )}
      </Section>

      <FeedbackToLeave items={data.feedbackToLeave} />

      <Section title={`New jobs (${data.openJobs} open)`} more={{ href: "/jobs", label: "Find work" }} className="lg:col-span-3">
        {data.latestJobs.length === 0 ? (
          <Empty>No open jobs right now: new jobs appear here as soon as clients publish them.</Empty>
        ) : (
          <Rows>
            {data.latestJobs.map((job) => (
              <Row key={job.id} href={`/jobs/${job.id}`} title={job.title} meta={job.connectCost !== null ? `${formatConnects(job.connectCost)} to apply` : undefined}>
                {job.publishedAt ? `Posted ${formatDate(job.publishedAt)}` : "Not published"}
              </Row>
            ))}
          </Rows>
        )}
      </Section>
    </div>
  );
}

/** One active contract: its next step with the date that comes with it, and the money clearing next. */
function ContractRow({ contract }: { contract: Contract }) {
  const { step } = contract;
  const href = (step.kind === "disputed" || step.kind === "hourly") && step.disputeId ? `/disputes/${step.disputeId}` : `/contracts/${contract.id}`;
  const urgent = step.kind === "work" || step.kind === "changes_requested" || step.kind === "refund_requested" || step.kind === "disputed";
  return (
    <Row href={href} title={contract.title} meta={`with ${contract.clientName}`} urgent={urgent}>
      {stepText(step)}
      {contract.clearing && (
        <span className="block font-normal text-slate-600">
          {formatMoney(contract.clearing.netMinor)} from it becomes available on {formatDate(contract.clearing.availableAt)}.
        </span>
      )}
    </Row>
  );
}

function stepText(step: Contract["step"]): string {
  switch (step.kind) {
    case "awaiting_funding":
      return `“${step.milestone}” (${formatMoney(step.amountMinor)}) is not funded yet: do not start work on it until the client funds it.`;
    case "work":
      return `Work on “${step.milestone}” (${formatMoney(step.amountMinor)}, in escrow) and submit it.`;
    case "changes_requested":
      return `The client asked for changes on “${step.milestone}”: make them and submit again.`;
    case "in_review":
      return step.autoApprovesAt
        ? `“${step.milestone}” (${formatMoney(step.amountMinor)}) is in review: approved automatically on ${formatDate(step.autoApprovesAt)} unless the client acts.`
        : `“${step.milestone}” (${formatMoney(step.amountMinor)}) is in review.`;
    case "refund_requested":
      return `The client asks for the escrow of “${step.milestone}” back: give it back or dispute${step.answerBy ? ` by ${formatDate(step.answerBy)}` : ""}; if you do not answer, it goes back to them.`;
    case "disputed":
      return `“${step.milestone}” (${formatMoney(step.amountMinor)}) is in dispute: add your statement; the escrow stays frozen until it is decided.`;
    case "no_milestone":
      return "Every milestone is paid: the client adds the next one, or ends the contract.";
    case "hourly": {
      const week = `This week: ${formatMinutes(step.minutesThisWeek)} of ${formatMinutes(step.limitMinutes)} logged.`;
      const review = step.inReview
        ? ` ${formatMoney(step.inReview.amountMinor)} invoiced is in review${step.inReview.releasesAt ? `: released on ${formatDay(step.inReview.releasesAt)} unless the client disputes it by the end of ${formatLastDay(step.inReview.releasesAt)}` : ""}.`
        : "";
      return `${week}${review}${step.disputeId ? " An invoice is in dispute: add your statement." : ""}`;
    }
  }
}

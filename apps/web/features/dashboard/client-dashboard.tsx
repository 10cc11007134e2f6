import Link from "next/link";
import { formatCount } from "@fairlance/rules";
import { Bid, Money } from "@/components/money";
import type { RouterOutputs } from "@/features/contracts/types";
import { JOB_STATUS_LABEL, formatDate, formatDateTime, formatLastDay } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { FeedbackToLeave } from "./feedback-to-leave";
import { Empty, Figure, Row, Rows, Section } from "./parts";

type Data = RouterOutputs["dashboard"]["client"];
type Task = Data["tasks"][number];
type Waiting = Data["waiting"][number];

const week = (weekStart: Date) => `week of ${formatDate(weekStart)}`;

/** The client's dashboard (economy.md §3, §9): what waits for them, escrow, offers out, open jobs. */
export function ClientDashboard({ data }: { data: Data }) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Section title="Waiting for you" tone={data.tasks.length > 0 ? "attention" : "plain"} className="lg:col-span-2">
        {data.tasks.length === 0 ? (
          <Empty action={data.activeContracts === 0 ? { href: "/jobs/new", label: "Post a job" } : { href: "/contracts", label: "Your contracts" }}>
            Nothing waits for you: no work to review, no invoice to check, no milestone to fund.
          </Empty>
        ) : (
          <Rows>
            {data.tasks.map((task) => (
              <TaskRow key={taskKey(task)} task={task} />
            ))}
          </Rows>
        )}
      </Section>

      <FeedbackToLeave items={data.feedbackToLeave} />

      <Section title="In escrow" more={{ href: "/billing", label: "Billing" }}>
        <dl>
          <Figure label="Held for your contracts" value={<Money minor={data.escrow.totalMinor} />} emphasis />
        </dl>
        {data.escrow.contracts.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600">Nothing is held. Funding a milestone puts its amount in escrow until you approve the work; an hourly week is held from Monday&apos;s invoice until Saturday.</p>
        ) : (
          <Rows label="Escrow by contract">
            {data.escrow.contracts.map((row) => (
              <Row key={row.contractId} href={`/contracts/${row.contractId}`} title={row.title} meta={<Money minor={row.amountMinor} />}>
                with {row.freelancerName}
                {row.inDisputeMinor > 0n && ` · ${formatMoney(row.inDisputeMinor)} frozen by a dispute`}
              </Row>
            ))}
          </Rows>
        )}
      </Section>

      <Section title="Open jobs" more={{ href: "/client/jobs", label: `All jobs (${data.jobsTotal})` }} className="lg:col-span-2">
        {data.jobs.length === 0 ? (
          <Empty action={{ href: "/jobs/new", label: "Post a job" }}>You have no open job. Post one: freelancers send proposals, and you hire from them.</Empty>
        ) : (
          <Rows>
            {data.jobs.map((job) => (
              <Row key={job.id} href={`/client/jobs/${job.id}`} title={job.title} meta={JOB_STATUS_LABEL[job.status]}>
                {job.status === "DRAFT"
                  ? "Not published: publish it to receive proposals."
                  : job.liveProposals === 0
                    ? `No proposals yet${job.publishedAt ? ` · posted ${formatDate(job.publishedAt)}` : ""}.`
                    : `${formatCount(job.liveProposals, "proposal")} to consider${job.unviewedProposals > 0 ? `, ${job.unviewedProposals} not opened yet` : ""}.`}
              </Row>
            ))}
          </Rows>
        )}
        <p className="mt-3 text-sm">
          <Link href="/jobs/new" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
            Post a job
          </Link>
          <span className="text-slate-500"> · </span>
          <Link href="/client/offers/new" className="font-semibold text-brand-700 underline-offset-2 hover:underline">
            Make a direct offer
          </Link>
        </p>
      </Section>

      <Section title="Offers sent">
        {data.offers.length === 0 ? (
          <Empty>No offer is waiting for an answer. Hire from a proposal on one of your jobs, or make a direct offer.</Empty>
        ) : (
          <Rows>
            {data.offers.map((offer) => (
              <Row key={offer.contractId} href={`/contracts/${offer.contractId}`} title={offer.title} meta={offer.type === "HOURLY" && offer.hourlyRateMinor !== null ? <Bid minor={offer.hourlyRateMinor} jobType="HOURLY" /> : <Money minor={offer.totalMinor} />}>
                To {offer.freelancerName}: expires {formatDateTime(offer.offerExpiresAt)} unless accepted
                {offer.fundedMinor > 0n && ` · ${formatMoney(offer.fundedMinor)} funded, refunded if it expires or is declined`}.
              </Row>
            ))}
          </Rows>
        )}
      </Section>

      {data.waiting.length > 0 && (
        <Section title="Waiting for freelancers" className="lg:col-span-3">
          <Rows>
            {data.waiting.map((item) => (
              <WaitingRow key={`${item.kind}-${item.contractId}-${item.milestone}`} item={item} />
            ))}
          </Rows>
        </Section>
      )}
    </div>
  );
}

const taskKey = (task: Task) => (task.kind === "dispute" ? task.disputeId : task.kind === "review_invoice" ? `${task.contractId}-${task.weekStart.toISOString()}` : `${task.kind}-${task.contractId}`);

function TaskRow({ task }: { task: Task }) {
  switch (task.kind) {
    case "dispute":
      return (
        <Row href={`/disputes/${task.disputeId}`} title={`Dispute on “${task.what}”`} meta={<Money minor={task.amountMinor} />} urgent>
          {task.contractTitle} · open since {formatDate(task.openedAt)}:{" "}
          {task.splitProposedByOther ? "the freelancer proposed a split: accept it or answer with your statement." : "add your statement; an admin decides if you do not agree."}
        </Row>
      );
    case "review_work":
      return (
        <Row href={`/contracts/${task.contractId}`} title={`Review “${task.milestone}”`} meta={<Money minor={task.amountMinor} />} urgent>
          {task.freelancerName} submitted work on {task.contractTitle}: approve it, ask for changes or dispute
          {task.autoApprovesAt ? ` by ${formatDate(task.autoApprovesAt)}, when it is approved automatically` : ""}.
        </Row>
      );
    case "review_invoice":
      return (
        <Row href={`/contracts/${task.contractId}`} title={`Hourly invoice, ${week(task.weekStart)}`} meta={<Money minor={task.amountMinor} />} urgent>
          {task.freelancerName} on {task.contractTitle}: dispute it {task.disputeBy ? `by the end of ${formatLastDay(task.disputeBy)} (UTC)` : "this week"} if something is wrong; otherwise it is released to them.
        </Row>
      );
    case "fund_milestone":
      return (
        <Row href={`/contracts/${task.contractId}`} title={`Fund “${task.milestone}”`} meta={<Money minor={task.amountMinor} />}>
          {task.freelancerName} cannot start on {task.contractTitle} until this milestone is funded.
        </Row>
      );
    case "add_milestone":
      return (
        <Row href={`/contracts/${task.contractId}`} title={`Add the next milestone on ${task.contractTitle}`}>
          Every milestone with {task.freelancerName} is paid: add the next one, or end the contract.
        </Row>
      );
  }
}

function WaitingRow({ item }: { item: Waiting }) {
  if (item.kind === "refund_request") {
    return (
      <Row href={`/contracts/${item.contractId}`} title={`Refund of “${item.milestone}”`} meta={<Money minor={item.amountMinor} />}>
        You asked {item.freelancerName} for the escrow back
        {item.comesBackAt ? `: it comes back to your card on ${formatDate(item.comesBackAt)} unless they give it back sooner or dispute.` : "."}
      </Row>
    );
  }
  return (
    <Row href={`/contracts/${item.contractId}`} title={`Changes to “${item.milestone}”`} meta={<Money minor={item.amountMinor} />}>
      {item.freelancerName} is making the changes you asked for on {item.contractTitle}.
    </Row>
  );
}

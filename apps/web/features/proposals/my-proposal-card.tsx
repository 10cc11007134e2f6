"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Bid } from "@/components/money";
import { Alert, Button, Card } from "@/components/ui";
import { PROPOSAL_STATUS_LABEL } from "@/features/jobs/job-labels";
import { MessageThread } from "@/features/messages/message-thread";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatDate, formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { formatConnects } from "@fairlance/rules";
import { formatConnectsSpent } from "./format";

interface Mine {
  id: string;
  status: string;
  bidMinor: bigint;
  connectCost: number;
  boostConnects: number;
  connectsRefunded: number;
  submittedAt: Date;
  /** Where its boost stands in the job's auction (economy.md §2.3). */
  boost: { topSlot: boolean; slots: number; auctionClosesAt: Date | null; settled: "kept" | "refunded" | null; clientInteracted: boolean } | null;
}

/** One sentence on a boost: in a top slot or not, kept because the client interacted, or settled. */
function boostLine(boost: NonNullable<Mine["boost"]>): string {
  const slots = boost.slots === 1 ? "the top slot" : `one of the top ${boost.slots} slots`;
  if (boost.settled === "refunded") return "Your boost came back to you: it did not win a top slot, or the job ended.";
  if (boost.settled === "kept") return boost.topSlot ? `Your boost won ${slots}.` : "Your boost was kept: the client interacted with your proposal while it was boosted.";
  const closes = boost.auctionClosesAt ? ` The auction closes ${formatDateTime(boost.auctionClosesAt)} or at the first hire.` : "";
  if (boost.topSlot) return `Your boost is in ${slots} now.${closes}`;
  return boost.clientInteracted
    ? `Your boost is not in ${slots} now, but it is kept: the client interacted with your proposal.${closes}`
    : `Your boost is not in ${slots} now; if it is not at the close, it comes back to you unless the client interacts with your proposal.${closes}`;
}

const LIVE = ["SUBMITTED", "VIEWED", "SHORTLISTED", "INTERVIEWING"];

/** The freelancer's proposal on this job: its state, the connects it took, withdrawing, and messages with the client. */
export function MyProposalCard({ proposal, jobId, jobType }: { proposal: Mine; jobId: string; jobType: "FIXED" | "HOURLY" }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation(
    trpc.proposal.withdraw.mutationOptions({
      onSuccess: async () => { renew(); setConfirming(false); await queryClient.invalidateQueries(trpc.job.get.queryFilter({ jobId })); },
    }),
  );
  return (
    <Card title="Your proposal">
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        <div><dt className="text-slate-500">Status</dt><dd className="font-semibold" data-testid="my-proposal-status">{PROPOSAL_STATUS_LABEL[proposal.status] ?? proposal.status}</dd></div>
        <div><dt className="text-slate-500">Bid</dt><dd><Bid minor={proposal.bidMinor} jobType={jobType} /></dd></div>
        <div><dt className="text-slate-500">Connects spent</dt><dd>{formatConnectsSpent(proposal.connectCost, proposal.boostConnects)}</dd></div>
        <div><dt className="text-slate-500">Sent</dt><dd>{formatDate(proposal.submittedAt)}</dd></div>
      </dl>
      {proposal.boost && <p className="mt-2 text-sm text-slate-700" data-testid="my-boost">{boostLine(proposal.boost)}</p>}
      {proposal.connectsRefunded > 0 && <p className="mt-2 text-sm text-emerald-700">{formatConnects(proposal.connectsRefunded)} came back to you. See why on My proposals.</p>}
      {proposal.status === "OFFERED" && (
        <p className="mt-2 text-sm text-slate-700" data-testid="my-proposal-offer">
          The client sent you an offer for this job. Accept or decline it on <Link href="/contracts" className="text-brand-700 underline">Contracts</Link> before it
          expires: the job is yours only once you accept.
        </p>
      )}
      {withdraw.data && <div className="mt-3"><Alert tone="info">{withdraw.data.explanation}</Alert></div>}
      {LIVE.includes(proposal.status) && (
        <div className="mt-4 space-y-2">
          {confirming ? (
            <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
              <p>Withdrawing ends this proposal. The connects it took do not come back.</p>
              <ErrorAlert error={withdraw.error} />
              <div className="flex gap-2">
                <Button onClick={() => withdraw.mutate({ proposalId: proposal.id, idempotencyKey: key })} disabled={withdraw.isPending}>Withdraw proposal</Button>
                <Button variant="secondary" onClick={() => setConfirming(false)}>Keep it</Button>
              </div>
            </div>
          ) : (
            <Button variant="secondary" onClick={() => setConfirming(true)}>Withdraw…</Button>
          )}
        </div>
      )}
      <div className="mt-6">
        <MessageThread proposalId={proposal.id} />
      </div>
    </Card>
  );
}

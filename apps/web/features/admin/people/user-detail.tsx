"use client";

import { TEXT_RULES } from "@fairlance/rules";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Alert, Card, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { ReasonedAction } from "../reasoned-action";
import { ConnectsAdjust } from "./connects-adjust";

/** One person: status, connects, activity; grant or take back connects, Rising Talent, suspend or lift it. */
export function UserDetail({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const user = useQuery(trpc.admin.people.get.queryOptions({ userId }));
  const refresh = () => queryClient.invalidateQueries(trpc.admin.people.pathFilter());
  const suspend = useMutation(trpc.admin.people.suspend.mutationOptions({ onSuccess: refresh }));
  const unsuspend = useMutation(trpc.admin.people.unsuspend.mutationOptions({ onSuccess: refresh }));
  const award = useMutation(trpc.admin.people.awardRisingTalent.mutationOptions({ onSuccess: refresh }));
  const endSessions = useMutation(trpc.admin.people.endSessions.mutationOptions({ onSuccess: refresh }));
  const holdPayouts = useMutation(trpc.admin.people.holdPayouts.mutationOptions({ onSuccess: refresh }));
  const releasePayouts = useMutation(trpc.admin.people.releasePayouts.mutationOptions({ onSuccess: refresh }));
  if (user.isPending) return <Skeleton className="h-64 w-full" />;
  if (user.isError) return <ErrorAlert error={user.error} />;
  const u = user.data;
  return (
    <Card title={u.name}>
      <div className="space-y-3 text-sm" data-testid="user-detail">
        <p className="break-all text-slate-600">{u.email} · joined {formatDate(u.createdAt)}</p>
        <Link href={`/admin/ledger?userId=${u.id}`} className="text-brand-700 underline">Money and connects ledger of {u.name}</Link>
        {endSessions.isSuccess && <Alert tone="success">{u.name} is signed out everywhere.</Alert>}
        {u.suspendedAt && <Alert tone="warning">Suspended since {formatDate(u.suspendedAt)}: {u.suspendedReason}</Alert>}
        {u.payoutsHeldAt && <Alert tone="warning">Payouts held since {formatDate(u.payoutsHeldAt)}: {u.payoutsHeldReason}</Alert>}
        {suspend.data?.effects && "jobsPaused" in suspend.data.effects && <Alert tone="success">{suspendedSummary(suspend.data.effects)}</Alert>}
        {unsuspend.data?.effects && "jobsRestored" in unsuspend.data.effects && <Alert tone="success">{liftedSummary(unsuspend.data.effects)}</Alert>}
        <dl className="grid grid-cols-2 gap-2">
          {u.connectsBalance !== null && <><dt className="text-slate-500">Connects</dt><dd className="font-semibold" data-testid="user-connects">{u.connectsBalance}</dd></>}
          <dt className="text-slate-500">Jobs posted</dt><dd>{u.jobsPosted}</dd>
          <dt className="text-slate-500">Proposals</dt><dd>{u.proposals}</dd>
          <dt className="text-slate-500">Contracts</dt><dd>{u.contracts}</dd>
          <dt className="text-slate-500">Rising Talent</dt><dd>{u.risingTalentAt ? `since ${formatDate(u.risingTalentAt)}` : "no"}</dd>
          <dt className="text-slate-500">Warnings</dt><dd>{u.warnings}</dd>
        </dl>
        {u.role === "FREELANCER" && <ConnectsAdjust freelancerId={u.id} name={u.name} balance={u.connectsBalance ?? 0} />}
        <div className="flex flex-wrap gap-2">
          {u.role === "FREELANCER" && !u.risingTalentAt && (
            <ReasonedAction id="rising-talent-reason" rule={TEXT_RULES.risingTalentReason} label="Award Rising Talent" tone="secondary" confirm={`${u.name} gets the Rising Talent badge and its connects (the number in force now), once.`}
              submit={(idempotencyKey, reason, done) => award.mutate({ idempotencyKey, freelancerId: u.id, reason }, { onSuccess: done })} isPending={award.isPending} error={award.error} />
          )}
          {u.role !== "ADMIN" && (u.suspendedAt ? (
            <ReasonedAction id="unsuspend-reason" rule={TEXT_RULES.suspendReason} label="Lift suspension" tone="secondary" confirm={liftConfirm(u.name, u.liftPreview, u.payoutsHeldAt !== null)}
              submit={(idempotencyKey, reason, done) => unsuspend.mutate({ idempotencyKey, userId: u.id, reason }, { onSuccess: done })} isPending={unsuspend.isPending} error={unsuspend.error} />
          ) : (
            <>
              <ReasonedAction id="suspend-reason" rule={TEXT_RULES.suspendReason} label="Suspend" tone="danger" reasonHint="The person sees this reason when an action is refused."
                confirm={suspendConfirm(u.name, u.suspensionPreview, false)}
                submit={(idempotencyKey, reason, done) => suspend.mutate({ idempotencyKey, userId: u.id, reason }, { onSuccess: done })} isPending={suspend.isPending} error={suspend.error} />
              {u.role === "FREELANCER" && !u.payoutsHeldAt && (
                <ReasonedAction id="suspend-hold-reason" rule={TEXT_RULES.suspendReason} label="Suspend and hold payouts" tone="danger" reasonHint="The person sees this reason when an action is refused."
                  confirm={suspendConfirm(u.name, u.suspensionPreview, true)}
                  submit={(idempotencyKey, reason, done) => suspend.mutate({ idempotencyKey, userId: u.id, reason, holdPayouts: true }, { onSuccess: done })} isPending={suspend.isPending} error={suspend.error} />
              )}
            </>
          ))}
          {u.role === "FREELANCER" && (u.payoutsHeldAt ? (
            <ReasonedAction id="release-payouts-reason" rule={TEXT_RULES.suspendReason} label="Release payouts" tone="secondary"
              confirm={`${u.name} can withdraw again, and their automatic withdrawals run from the next scheduled run.`}
              submit={(idempotencyKey, reason, done) => releasePayouts.mutate({ idempotencyKey, userId: u.id, reason }, { onSuccess: done })} isPending={releasePayouts.isPending} error={releasePayouts.error} />
          ) : (
            <ReasonedAction id="hold-payouts-reason" rule={TEXT_RULES.suspendReason} label="Hold payouts" tone="danger" reasonHint="The freelancer sees this reason on their Payouts page."
              confirm={`${u.name} cannot withdraw, and their automatic withdrawals are skipped, until you release the hold. Their balance stays theirs.`}
              submit={(idempotencyKey, reason, done) => holdPayouts.mutate({ idempotencyKey, userId: u.id, reason }, { onSuccess: done })} isPending={holdPayouts.isPending} error={holdPayouts.error} />
          ))}
          <ReasonedAction id="end-sessions-reason" rule={TEXT_RULES.endSessionsReason} label="Sign out everywhere" tone="secondary" reasonHint="For the audit log, e.g. a reported stolen session."
            confirm={`Every session of ${u.name} ends now, on every device; they sign in again with their password.`}
            submit={(idempotencyKey, reason, done) => endSessions.mutate({ idempotencyKey, userId: u.id, reason }, { onSuccess: done })} isPending={endSessions.isPending} error={endSessions.error} />
        </div>
        <section aria-labelledby="user-audit">
          <h3 id="user-audit" className="mt-2 font-semibold">Recent admin actions</h3>
          {u.recentAudit.length === 0 ? <p className="text-slate-500">None.</p> : (
            <ul className="mt-1 space-y-1">
              {u.recentAudit.map((a) => <li key={a.id.toString()}><span className="font-medium">{a.what}</span>: {a.reason} <span className="text-xs text-slate-500">({a.actorName ?? "the system"}, {formatDate(a.createdAt)})</span></li>)}
            </ul>
          )}
        </section>
      </div>
    </Card>
  );
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

type SuspensionPreview = { jobsPaused: number; proposalsPaused: number; offersWithdrawn: number; contractsNotified: number } | null;
type LiftPreview = { jobsRestored: number; jobsNotRestored: number; proposalsRestored: number; proposalsNotRestored: number } | null;

/** What suspending does, with the counts it touches now (economy.md §5.3), before the admin confirms. */
function suspendConfirm(name: string, preview: SuspensionPreview, hold: boolean): string {
  const touched = preview
    ? ` Now: ${count(preview.jobsPaused, "open job")} paused, ${count(preview.proposalsPaused, "live proposal")} paused, ${count(preview.offersWithdrawn, "waiting offer")} withdrawn (escrow funded on them refunded), and the other party of ${count(preview.contractsNotified, "active contract")} told.`
    : "";
  return `${name} is signed out everywhere; they can sign in again, read and finish what is under way, but cannot post, propose, message, hire, pay or submit work until you lift it.${touched}${hold ? " Their payouts are held: no withdrawal until you release them." : ""}`;
}

function liftConfirm(name: string, preview: LiftPreview, held: boolean): string {
  const back = preview
    ? ` ${count(preview.jobsRestored, "paused job")} and ${count(preview.proposalsRestored, "paused proposal")} come back; ${count(preview.jobsNotRestored, "job")} and ${count(preview.proposalsNotRestored, "proposal")} ended meanwhile and stay ended; withdrawn offers stay withdrawn.`
    : "";
  return `${name} can post, propose, message and hire again.${back}${held ? " Their payouts stay held until you release them." : ""}`;
}

function suspendedSummary(e: { jobsPaused: number; proposalsPaused: number; offersWithdrawn: number; contractsNotified: number; payoutsHeld: boolean }): string {
  return `Suspended: ${count(e.jobsPaused, "job")} and ${count(e.proposalsPaused, "proposal")} paused, ${count(e.offersWithdrawn, "offer")} withdrawn, ${count(e.contractsNotified, "contract")}' other party told${e.payoutsHeld ? ", payouts held" : ""}.`;
}

function liftedSummary(e: { jobsRestored: number; proposalsRestored: number; notRestored: string | null }): string {
  return `Suspension lifted: ${count(e.jobsRestored, "job")} and ${count(e.proposalsRestored, "proposal")} back.${e.notRestored ? ` Not restored: ${e.notRestored}.` : ""}`;
}

"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatCount } from "@fairlance/rules";
import { EmptyState, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { InviteToJob } from "./invite-to-job";
import { SaveFreelancerButton } from "./save-freelancer-button";
import { TalentCard } from "./talent-card";
import { TalentTabs } from "./talent-tabs";

/** The freelancers a client saved, most recent first, to compare and invite. */
export function SavedFreelancers() {
  const trpc = useTRPC();
  const saved = useQuery(trpc.saved.freelancers.queryOptions());
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Find talent</h1>
      <TalentTabs current="saved" />
      <section aria-labelledby="saved-heading" className="space-y-3">
        <h2 id="saved-heading" className="text-lg font-semibold">Saved freelancers</h2>
        <ErrorAlert error={saved.error} />
        {saved.isPending ? (
          <Skeleton className="h-32 w-full" />
        ) : saved.data && saved.data.length === 0 ? (
          <EmptyState title="You have not saved anyone yet">
            Save freelancers from <Link href="/talent" className="font-medium text-brand-700 underline">the search</Link> to compare them here and invite them later.
          </EmptyState>
        ) : saved.data ? (
          <>
            <p aria-live="polite" className="text-sm text-slate-600">{formatCount(saved.data.length, "saved freelancer")}</p>
            <ul className="space-y-3">
              {saved.data.map((freelancer) => (
                <li key={freelancer.id}>
                  <TalentCard freelancer={freelancer}>
                    <p className="text-xs text-slate-500">Saved {formatDate(freelancer.savedAt)}</p>
                    <div className="flex flex-wrap items-start gap-2">
                      <SaveFreelancerButton freelancerId={freelancer.id} name={freelancer.name} saved />
                      <InviteToJob freelancerId={freelancer.id} name={freelancer.name} />
                    </div>
                  </TalentCard>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}

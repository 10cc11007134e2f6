"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";
import { AvatarUpload } from "./avatar-upload";
import { ClientProfileForm } from "./client-profile-form";
import { CompletenessMeter } from "./completeness-meter";
import { EducationEditor, EmploymentEditor } from "./experience-editors";
import { FreelancerProfileForm } from "./freelancer-profile-form";
import { PortfolioEditor } from "./portfolio-editor";

/**
 * The signed-in freelancer's or client's own profile, to edit (profile.mine, prefetched by the
 * page). `zones` is the server's list of time zones (so the select is the same on both sides of
 * hydration); `today` the server's clock, against which the dates of employment and education are checked.
 */
export function MyProfilePage({ zones, today }: { zones: readonly string[]; today: string }) {
  const trpc = useTRPC();
  const mine = useQuery(trpc.profile.mine.queryOptions());
  if (mine.isPending) return <Skeleton className="h-96" />;
  if (mine.error) return <ErrorAlert error={mine.error} />;
  const data = mine.data;

  if (data.role === "CLIENT") {
    const client = data.client;
    return (
      <div className="mx-auto max-w-3xl space-y-6">
        <Heading publicHref={`/clients/${client.userId}`} intro="Freelancers read this beside your jobs, with your payment and hiring figures." />
        <Section id="photo" title="Photo or logo">
          <AvatarUpload avatarUrl={client.avatarUrl} name={client.displayName} />
        </Section>
        <Section id="about" title="About you">
          <ClientProfileForm profile={client} />
        </Section>
      </div>
    );
  }

  const freelancer = data.freelancer;
  const day = new Date(today);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Heading publicHref={`/freelancers/${freelancer.userId}`} intro="Clients read this before they invite or hire you; talent search finds you by it." />
      <CompletenessMeter completeness={freelancer.completeness} />
      <Section id="photo" title="Photo">
        <AvatarUpload avatarUrl={freelancer.avatarUrl} name={freelancer.name} />
      </Section>
      <Section id="about" title="About you">
        <FreelancerProfileForm profile={freelancer} zones={zones} />
      </Section>
      <Section id="portfolio" title="Portfolio">
        <PortfolioEditor items={freelancer.portfolio} />
      </Section>
      <Section id="employment" title="Employment">
        <EmploymentEditor entries={freelancer.employment} today={day} />
      </Section>
      <Section id="education" title="Education">
        <EducationEditor entries={freelancer.education} today={day} />
      </Section>
    </div>
  );
}

function Heading({ publicHref, intro }: { publicHref: string; intro: string }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold">Your profile</h1>
        <p className="mt-1 text-sm text-slate-600">{intro}</p>
      </div>
      {/* Not prefetched: what this page saves changes that page (a prefetch would keep its old title). */}
      <Link href={publicHref} prefetch={false} className="text-sm font-semibold text-brand-700 underline hover:text-brand-800">
        See your public profile
      </Link>
    </div>
  );
}

/** A card with an id to jump to (the completeness meter's links). */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} tabIndex={-1} aria-labelledby={`${id}-heading`} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${id}-heading`} className="mb-3 text-base font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

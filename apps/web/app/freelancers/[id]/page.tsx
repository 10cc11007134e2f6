import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui";
import { FreelancerFacts, FreelancerHistory, FreelancerWork, FreelancerHeader, EditYourProfile, Panel } from "@/features/profiles/freelancer-profile-view";
import { InviteToJob } from "@/features/talent/invite-to-job";
import { ReportButton } from "@/features/reports/report-button";
import { FeedbackSection, JobSuccess } from "@/features/profiles/reputation-section";
import { Providers } from "@/app/providers";
import { getSession } from "@/server/auth";
import { HydrateClient, prefetch, readQuery, trpc } from "@/trpc/server";

type Props = { params: Promise<{ id: string }> };

const profileOf = (freelancerId: string) => readQuery(trpc.profile.freelancer.queryOptions({ freelancerId }));

/** The freelancer's name and title as the page's title, and their overview's start for link previews. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const profile = await profileOf(id);
  if (!profile.ok) return { title: "Freelancer" };
  const { name, title, overview } = profile.data;
  const heading = title ? `${name}, ${title}` : name;
  const description = (overview || `${name} on Fairlance.`).replace(/\s+/g, " ").slice(0, 200);
  return { title: heading, description, openGraph: { title: heading, description, type: "profile" } };
}

/**
 * A freelancer's public profile (economy.md §10.1): anyone may read it, signed in or not. Drawn on
 * the server with its reputation (feedback.reputation: revealed feedback is public), and a client gets
 * "Invite to a job", a client island with its jobs prefetched.
 */
export default async function Page({ params }: Props) {
  const { id } = await params;
  const session = await getSession();
  const [profile, reputation] = await Promise.all([profileOf(id), readQuery(trpc.feedback.reputation.queryOptions({ userId: id }))]);
  if (!profile.ok && profile.notFound) notFound();
  if (!profile.ok) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">Freelancer profile</h1>
        <Alert>{profile.message}</Alert>
      </div>
    );
  }
  const freelancer = profile.data;
  const client = session?.user.role === "CLIENT";
  // Clients and freelancers may report the profile (economy.md §5.2); a client may also invite.
  const canReport = client || session?.user.role === "FREELANCER";
  if (canReport) await prefetch(trpc.report.mine.queryOptions(), ...(client ? [trpc.job.listMine.queryOptions()] : []));
  const actions = freelancer.isOwner ? (
    <EditYourProfile />
  ) : canReport ? (
    <Providers>
      <HydrateClient>
        <div className="flex flex-col items-start gap-2">
          {client && <InviteToJob freelancerId={freelancer.userId} name={freelancer.name} />}
          <ReportButton objectKind="PROFILE" objectId={freelancer.userId} noun="profile" />
        </div>
      </HydrateClient>
    </Providers>
  ) : undefined;

  return (
    <div className="space-y-6">
      <FreelancerHeader profile={freelancer} actions={actions} />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <FreelancerWork profile={freelancer} />
          {reputation.ok ? (
            <FeedbackSection reputation={reputation.data} authorHref={(author) => `/clients/${author.id}`} />
          ) : (
            <Panel title="Reviews" id="feedback">
              <p className="text-sm text-red-800">{reputation.message}</p>
            </Panel>
          )}
          <FreelancerHistory profile={freelancer} />
        </div>
        <aside className="min-w-0 space-y-6" aria-label={`About ${freelancer.name}`}>
          {reputation.ok && reputation.data.jobSuccess && <JobSuccess jobSuccess={reputation.data.jobSuccess} />}
          <FreelancerFacts profile={freelancer} />
        </aside>
      </div>
    </div>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui";
import { ClientProfileView } from "@/features/profiles/client-profile-view";
import { ReportButton } from "@/features/reports/report-button";
import { Providers } from "@/app/providers";
import { getSession } from "@/server/auth";
import { HydrateClient, prefetch, readQuery, trpc } from "@/trpc/server";

type Props = { params: Promise<{ id: string }> };

const profileOf = (clientId: string) => readQuery(trpc.profile.client.queryOptions({ clientId }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const profile = await profileOf(id);
  if (!profile.ok) return { title: "Client" };
  const { displayName, kindLabel, description } = profile.data;
  const summary = (description || `${kindLabel} hiring on Fairlance.`).replace(/\s+/g, " ").slice(0, 200);
  return { title: displayName, description: summary, openGraph: { title: displayName, description: summary, type: "profile" } };
}

/** A client's profile, for anyone signed in (economy.md §10.1): who they are, the trust panel, the feedback freelancers left. Drawn on the server. */
export default async function Page({ params }: Props) {
  const { id } = await params;
  const [profile, reputation] = await Promise.all([profileOf(id), readQuery(trpc.feedback.reputation.queryOptions({ userId: id }))]);
  if (!profile.ok && profile.notFound) notFound();
  if (!profile.ok) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">Client profile</h1>
        <Alert>{profile.message}</Alert>
      </div>
    );
  }
  // Clients and freelancers may report the profile (economy.md §5.2): a small client island.
  const session = await getSession();
  const role = session?.user.role;
  const canReport = !profile.data.isOwner && (role === "CLIENT" || role === "FREELANCER");
  if (canReport) await prefetch(trpc.report.mine.queryOptions());
  const report = canReport ? (
    <Providers>
      <HydrateClient>
        <ReportButton objectKind="PROFILE" objectId={profile.data.userId} noun="profile" />
      </HydrateClient>
    </Providers>
  ) : undefined;
  return <ClientProfileView client={profile.data} reputation={reputation} report={report} />;
}

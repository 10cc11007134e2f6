import type { ReactNode } from "react";
import { ClientTrustPanel } from "@/features/jobs/client-trust-panel";
import { formatDate } from "@/lib/format";
import { Avatar, EditYourProfile, Panel } from "./freelancer-profile-view";
import { FeedbackSection } from "./reputation-section";
import type { ClientProfile, Reputation } from "./types";

/** A client's profile, drawn on the server: who they are, the trust panel every job shows, and the feedback freelancers left them. */
export function ClientProfileView({
  client,
  reputation,
  report,
}: {
  client: ClientProfile;
  reputation: { ok: true; data: Reputation } | { ok: false; message: string };
  /** The "Report" action, for a signed-in client or freelancer who is not the owner (economy.md §5.2). */
  report?: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <header className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:flex-row sm:items-start">
        <Avatar url={client.avatarUrl} name={client.displayName} />
        <div className="min-w-0 flex-1 space-y-1">
          <h1 className="text-2xl font-bold [overflow-wrap:anywhere]">{client.displayName}</h1>
          <p className="text-sm text-slate-600">
            {client.kindLabel}
            {client.companyName && <> · {client.name}</>}
          </p>
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
            {client.location && <li>{client.location}</li>}
            <li>Member since {formatDate(client.memberSince)}</li>
          </ul>
        </div>
        {client.isOwner && (
          <div className="shrink-0">
            <EditYourProfile />
          </div>
        )}
        {report && <div className="shrink-0">{report}</div>}
      </header>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <Panel title="About" id="about">
            {client.description ? <p className="whitespace-pre-line text-sm text-slate-800 [overflow-wrap:anywhere]">{client.description}</p> : <p className="text-sm text-slate-500">No description yet.</p>}
          </Panel>
          {reputation.ok ? (
            <FeedbackSection reputation={reputation.data} authorHref={(author) => `/freelancers/${author.id}`} />
          ) : (
            <Panel title="Reviews" id="feedback">
              <p className="text-sm text-red-800">{reputation.message}</p>
            </Panel>
          )}
        </div>
        <aside className="min-w-0" aria-label={`About ${client.displayName} as a client`}>
          <ClientTrustPanel client={client.trust} />
        </aside>
      </div>
    </div>
  );
}

import type { ClientTrustPanel } from "@fairlance/rules";
import type { Db } from "../client";
import { clientNotFound, imageUrl } from "../services/profiles/shared";
import { clientTrust } from "./job-pages";

/** What a client's profile shows: who they are and the trust panel every job shows (economy.md §5). */
export interface ClientProfilePage {
  userId: string;
  /** The person's name. */
  name: string;
  /** The company they hire for; "" when they hire for themselves. */
  companyName: string;
  /** The company's name, or the person's when they hire for themselves. */
  displayName: string;
  /** "Company" or "Individual client". */
  kindLabel: string;
  description: string;
  location: string;
  avatarUrl: string | null;
  memberSince: Date;
  /** The same figures, from the same function, as the trust panel on each job. */
  trust: ClientTrustPanel;
  isOwner: boolean;
}

/**
 * A client's profile, for any signed-in person (freelancers deciding whether to work with them).
 * The trust figures come from `clientTrust`, the one function the job pages use. An id that is not
 * a client's is NOT_FOUND.
 */
export async function getClientProfile(db: Db, clientId: string, viewerId: string | null): Promise<ClientProfilePage> {
  const user = await db.user.findUnique({
    where: { id: clientId },
    select: { id: true, name: true, role: true, createdAt: true, clientProfile: { select: { companyName: true, description: true, location: true, avatarKey: true } } },
  });
  const profile = user?.clientProfile;
  if (!user || user.role !== "CLIENT" || !profile) throw clientNotFound();
  const trust = await clientTrust(db, user.id);
  return {
    userId: user.id,
    name: user.name,
    companyName: profile.companyName,
    displayName: profile.companyName || user.name,
    kindLabel: profile.companyName ? "Company" : "Individual client",
    description: profile.description,
    location: profile.location,
    avatarUrl: profile.avatarKey ? imageUrl(profile.avatarKey) : null,
    memberSince: user.createdAt,
    trust,
    isOwner: viewerId === user.id,
  };
}

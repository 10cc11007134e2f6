import type { ProfileCompleteness } from "@fairlance/rules";
import type { Db, Role } from "../client";
import { DomainError } from "../errors";
import { getClientProfile, type ClientProfilePage } from "./client-profile";
import { getFreelancerProfile, type FreelancerProfilePage } from "./freelancer-profile";

/** The freelancer's own profile: the public page with its completeness, and the stored values the form edits. */
export interface MyFreelancerProfile extends FreelancerProfilePage {
  completeness: ProfileCompleteness;
  /** The stored IANA name ("" when none), for the form's time zone field. */
  timeZoneName: string;
}

export type MyProfile = { role: "FREELANCER"; freelancer: MyFreelancerProfile } | { role: "CLIENT"; client: ClientProfilePage };

/**
 * The signed-in person's own profile, for editing: everything the public page shows, with the ids
 * of each entry and, for a freelancer, the completeness meter and the stored time zone. An admin
 * has no profile.
 */
export async function getMyProfile(db: Db, viewer: { id: string; role: Role }, now: Date): Promise<MyProfile> {
  if (viewer.role === "FREELANCER") {
    const [page, stored] = await Promise.all([
      getFreelancerProfile(db, viewer.id, viewer.id, now),
      db.freelancerProfile.findUnique({ where: { userId: viewer.id }, select: { timeZone: true } }),
    ]);
    return { role: "FREELANCER", freelancer: { ...page, completeness: page.completeness!, timeZoneName: stored?.timeZone ?? "" } };
  }
  if (viewer.role === "CLIENT") return { role: "CLIENT", client: await getClientProfile(db, viewer.id, viewer.id) };
  throw new DomainError("FORBIDDEN", "Admins have no profile.");
}

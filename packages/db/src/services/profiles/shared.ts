import type { Tx } from "../../client";
import { DomainError } from "../../errors";

/** A freelancer id that names nobody, or someone who is not a freelancer. */
export const freelancerNotFound = () => new DomainError("NOT_FOUND", "This freelancer does not exist.");

/** A client id that names nobody, or someone who is not a client. */
export const clientNotFound = () => new DomainError("NOT_FOUND", "This client does not exist.");

/**
 * Locks the freelancer's profile row for the rest of the transaction: every change to a profile,
 * its portfolio, employment or education starts here, so two changes of one person (two tabs
 * adding an item each) queue, and counts and positions are read after the lock.
 */
export async function lockFreelancerProfile(tx: Tx, userId: string): Promise<{ avatarKey: string | null }> {
  const [profile] = await tx.$queryRaw<{ avatarKey: string | null }[]>`
    SELECT "avatarKey" FROM "FreelancerProfile" WHERE "userId" = ${userId}::uuid FOR UPDATE`;
  // Every freelancer has a profile from sign-up (new-profile.ts) and from the migration.
  if (!profile) throw freelancerNotFound();
  return profile;
}

/** Locks the client's profile row (the same rule as lockFreelancerProfile). */
export async function lockClientProfile(tx: Tx, userId: string): Promise<{ avatarKey: string | null }> {
  const [profile] = await tx.$queryRaw<{ avatarKey: string | null }[]>`
    SELECT "avatarKey" FROM "ClientProfile" WHERE "userId" = ${userId}::uuid FOR UPDATE`;
  if (!profile) throw clientNotFound();
  return profile;
}

/** A portfolio item, employment or education entry of another person is "not found", like one that does not exist. */
export const itemNotFound = (what: "portfolio item" | "employment entry" | "education entry") => new DomainError("NOT_FOUND", `This ${what} does not exist.`);

/**
 * Where the browser loads a stored image: the web app's file route (apps/web/app/files/[...key]),
 * which serves what fileStore() holds under the key.
 */
export const imageUrl = (key: string) => `/files/${key}`;

import type { Role } from "../../client";

/**
 * The empty profile every freelancer and client has from the moment the account exists (an admin
 * has none): nested in the `user.create` of sign-up and of the test fixtures, so no code path
 * meets a person without one.
 */
export function newProfile(role: Role, now: Date) {
  if (role === "FREELANCER") return { freelancerProfile: { create: { updatedAt: now } } };
  if (role === "CLIENT") return { clientProfile: { create: { updatedAt: now } } };
  return {};
}

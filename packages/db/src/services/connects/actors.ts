import type { Db, Role } from "../../client";
import { DomainError } from "../../errors";

async function requireRole(db: Db, userId: string, role: Role, message: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user) throw new DomainError("NOT_FOUND", "Your account no longer exists. Sign in again.");
  if (user.role !== role) throw new DomainError("FORBIDDEN", message);
}

export const requireAdmin = (db: Db, userId: string) => requireRole(db, userId, "ADMIN", "Only admins can do this.");

export const requireFreelancerActor = (db: Db, userId: string) =>
  requireRole(db, userId, "FREELANCER", "Only freelancers have connects and Freelancer Plus.");

/** The freelancer an admin acts on; anyone else (or nobody) is NOT_FOUND. */
export async function findFreelancer(db: Db, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, risingTalentAt: true } });
  if (!user || user.role !== "FREELANCER") throw new DomainError("NOT_FOUND", "There is no freelancer with this id.");
  return user;
}

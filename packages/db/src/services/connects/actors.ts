import type { Db } from "../../client";
import { DomainError } from "../../errors";

/** The freelancer an admin acts on; anyone else (or nobody) is NOT_FOUND. */
export async function findFreelancer(db: Db, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, risingTalentAt: true } });
  if (!user || user.role !== "FREELANCER") throw new DomainError("NOT_FOUND", "There is no freelancer with this id.");
  return user;
}

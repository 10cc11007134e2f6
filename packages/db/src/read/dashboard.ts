import type { Db, Role } from "../client";
import { accountGone } from "../services/actor";

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  /** The marketplace time of the read (economy.md §0.7), for ages such as "Account age". */
  now: Date;
}

export async function getMe(db: Db, userId: string, now: Date): Promise<Me> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, createdAt: true },
  });
  if (!user) throw accountGone();
  return { ...user, now };
}

// Each role's dashboard is a read model of its own: one read per dashboard.
export * from "./dashboard-freelancer";
export * from "./dashboard-client";
export * from "./dashboard-admin";

/**
 * Why an account is suspended, or null: shown on every page while it lasts (economy.md §5.3), with
 * the reason of an admin's hold on the payouts, if any.
 */
export async function getSuspension(db: Db, userId: string): Promise<{ since: Date; reason: string; payoutsHeldReason: string | null } | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { suspendedAt: true, suspendedReason: true, payoutsHeldAt: true, payoutsHeldReason: true } });
  if (!user?.suspendedAt) return null;
  return { since: user.suspendedAt, reason: user.suspendedReason ?? "no reason was recorded", payoutsHeldReason: user.payoutsHeldAt ? (user.payoutsHeldReason ?? "no reason was recorded") : null };
}

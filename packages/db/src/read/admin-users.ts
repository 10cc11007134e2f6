import type { Db, Prisma, Role } from "../client";
import { requireActor } from "../services/actor";
import { noSuchPerson } from "../services/fields";
import { connectsBalance } from "../services/connects/balance";
import { liftPreview, suspensionPreview } from "../services/admin/suspension-effects";
import { auditValue } from "./admin-audit";
import { sentenceOf, targetOf, wordAudit } from "./audit-wording";
import { escapeLike } from "./like";

export interface AdminUserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  createdAt: Date;
  suspendedAt: Date | null;
  suspendedReason: string | null;
  risingTalentAt: Date | null;
}

export interface AdminUserList {
  users: AdminUserRow[];
  total: number;
  page: number;
  pageSize: number;
  countsByRole: { role: Role; count: number }[];
  suspended: number;
}

const ROW = { id: true, name: true, email: true, role: true, createdAt: true, suspendedAt: true, suspendedReason: true, risingTalentAt: true } as const;

/** People, searched by name or email, filtered by role, newest first (admin only). */
export async function listUsersForAdmin(
  db: Db,
  input: { actorId: string; query?: string; role?: Role | null; suspendedOnly?: boolean; page?: number; pageSize?: number },
): Promise<AdminUserList> {
  await requireActor(db, input, "ADMIN", "browse people");
  const page = Math.max(1, input.page ?? 1);
  const pageSize = Math.min(100, Math.max(1, input.pageSize ?? 25));
  const text = input.query?.trim();
  const where: Prisma.UserWhereInput = {
    ...(text ? { OR: [{ name: { contains: escapeLike(text), mode: "insensitive" } }, { email: { contains: escapeLike(text), mode: "insensitive" } }] } : {}),
    ...(input.role ? { role: input.role } : {}),
    ...(input.suspendedOnly ? { suspendedAt: { not: null } } : {}),
  };
  const [users, total, groups, suspended] = await Promise.all([
    db.user.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (page - 1) * pageSize, take: pageSize, select: ROW }),
    db.user.count({ where }),
    db.user.groupBy({ by: ["role"], _count: { _all: true } }),
    db.user.count({ where: { suspendedAt: { not: null } } }),
  ]);
  return { users, total, page, pageSize, countsByRole: groups.map((g) => ({ role: g.role, count: g._count._all })), suspended };
}

export interface AdminUserDetail extends AdminUserRow {
  /** Freelancers only; null for others. */
  connectsBalance: number | null;
  jobsPosted: number;
  proposals: number;
  contracts: number;
  /** Warnings an admin gave them about their messages (economy.md §5). */
  warnings: number;
  /** Whether an admin holds their payouts, and why (economy.md §5.3). */
  payoutsHeldAt: Date | null;
  payoutsHeldReason: string | null;
  /** What suspending them would do now (economy.md §5.3), shown before the admin confirms; null when they cannot be suspended. */
  suspensionPreview: { jobsPaused: number; proposalsPaused: number; offersWithdrawn: number; contractsNotified: number } | null;
  /** While suspended: what lifting would give back (paused jobs still open, paused proposals still live). */
  liftPreview: { jobsRestored: number; jobsNotRestored: number; proposalsRestored: number; proposalsNotRestored: number } | null;
  /** The last admin actions on them, each in words ("Granted 10 connects to Fran Okafor"). */
  recentAudit: { id: bigint; action: string; what: string; reason: string; createdAt: Date; actorName: string | null }[];
}

/** One person as the admin's detail panel shows them (admin only). */
export async function getUserForAdmin(db: Db, input: { actorId: string; userId: string; now: Date }): Promise<AdminUserDetail> {
  await requireActor(db, input, "ADMIN", "see a person's details");
  const user = await db.user.findUnique({ where: { id: input.userId }, select: ROW });
  if (!user) throw noSuchPerson();
  const [jobsPosted, proposals, contracts, audit, balance, warnings, hold, preview, lift] = await Promise.all([
    db.job.count({ where: { clientId: user.id } }),
    db.proposal.count({ where: { freelancerId: user.id } }),
    db.contract.count({ where: { OR: [{ clientId: user.id }, { freelancerId: user.id }] } }),
    db.auditLog.findMany({
      where: { targetType: "User", targetId: user.id },
      orderBy: { id: "desc" },
      take: 10,
      select: { id: true, action: true, targetType: true, targetId: true, before: true, after: true, reason: true, createdAt: true, actor: { select: { name: true } } },
    }),
    user.role === "FREELANCER" ? connectsBalance(db, user.id, input.now) : Promise.resolve(null),
    db.warning.count({ where: { userId: user.id } }),
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { payoutsHeldAt: true, payoutsHeldReason: true } }),
    user.role !== "ADMIN" && !user.suspendedAt ? suspensionPreview(db, user.id) : Promise.resolve(null),
    user.suspendedAt ? liftPreview(db, user.id) : Promise.resolve(null),
  ]);
  const target = targetOf("User", user.id, { label: user.name, extra: null });
  const what = (a: (typeof audit)[number]) => sentenceOf(wordAudit({ ...a, before: auditValue(a.before), after: auditValue(a.after) }), target);
  return {
    ...user,
    connectsBalance: balance,
    jobsPosted,
    proposals,
    contracts,
    warnings,
    ...hold,
    suspensionPreview: preview,
    liftPreview: lift,
    recentAudit: audit.map((a) => ({ id: a.id, action: a.action, what: what(a), reason: a.reason, createdAt: a.createdAt, actorName: a.actor?.name ?? null })),
  };
}

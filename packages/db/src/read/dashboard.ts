import type { Db, JobStatus, Role } from "../client";
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

export interface ClientDashboard {
  jobsByStatus: { status: JobStatus; count: number }[];
  recentJobs: { id: string; title: string; status: JobStatus; publishedAt: Date | null }[];
}

export async function getClientDashboard(db: Db, clientId: string): Promise<ClientDashboard> {
  const [groups, recentJobs] = await Promise.all([
    db.job.groupBy({ by: ["status"], where: { clientId }, _count: { _all: true } }),
    db.job.findMany({
      where: { clientId },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, title: true, status: true, publishedAt: true },
    }),
  ]);
  return {
    jobsByStatus: groups.map((g) => ({ status: g.status, count: g._count._all })),
    recentJobs,
  };
}

export interface FreelancerDashboard {
  openJobs: number;
  latestJobs: { id: string; title: string; publishedAt: Date | null; connectCost: number | null }[];
}

export async function getFreelancerDashboard(db: Db): Promise<FreelancerDashboard> {
  const [openJobs, latestJobs] = await Promise.all([
    db.job.count({ where: { status: "OPEN" } }),
    db.job.findMany({
      where: { status: "OPEN" },
      orderBy: { publishedAt: "desc" },
      take: 5,
      select: { id: true, title: true, publishedAt: true, connectCost: true },
    }),
  ]);
  return { openJobs, latestJobs };
}

export interface AdminDashboard {
  usersByRole: { role: Role; count: number }[];
  jobsByStatus: { status: JobStatus; count: number }[];
  newUsersLast7Days: number;
}

export async function getAdminDashboard(db: Db, now: Date): Promise<AdminDashboard> {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const [users, jobs, newUsersLast7Days] = await Promise.all([
    db.user.groupBy({ by: ["role"], _count: { _all: true } }),
    db.job.groupBy({ by: ["status"], _count: { _all: true } }),
    db.user.count({ where: { createdAt: { gte: weekAgo } } }),
  ]);
  return {
    usersByRole: users.map((u) => ({ role: u.role, count: u._count._all })),
    jobsByStatus: jobs.map((j) => ({ status: j.status, count: j._count._all })),
    newUsersLast7Days,
  };
}

/** Why an account is suspended, or null: shown on every page while it lasts. */
export async function getSuspension(db: Db, userId: string): Promise<{ since: Date; reason: string } | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { suspendedAt: true, suspendedReason: true } });
  return user?.suspendedAt ? { since: user.suspendedAt, reason: user.suspendedReason ?? "no reason was recorded" } : null;
}

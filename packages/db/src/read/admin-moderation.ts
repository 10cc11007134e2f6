import type { Db, Prisma } from "../client";
import { requireActor } from "../services/actor";
import type { Paged } from "./admin-ledger";

export interface ModerationJobRow {
  id: string;
  title: string;
  client: { id: string; name: string; email: string };
  publishedAt: Date | null;
  proposalCount: number;
  connectCost: number | null;
}

/** Open jobs an admin may remove for breaking the rules, newest first, searchable by title (admin only). */
export async function listJobsForModeration(db: Db, input: { actorId: string; query?: string; page?: number; pageSize?: number }): Promise<Paged<ModerationJobRow>> {
  await requireActor(db, input, "ADMIN", "moderate jobs");
  const page = Math.max(1, input.page ?? 1);
  const pageSize = Math.min(100, Math.max(1, input.pageSize ?? 20));
  const text = input.query?.trim();
  const where: Prisma.JobWhereInput = { status: "OPEN", ...(text ? { title: { contains: text, mode: "insensitive" } } : {}) };
  const [rows, total] = await Promise.all([
    db.job.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, title: true, publishedAt: true, proposalCount: true, connectCost: true, client: { select: { id: true, name: true, email: true } } },
    }),
    db.job.count({ where }),
  ]);
  return { rows, total, page, pageSize };
}

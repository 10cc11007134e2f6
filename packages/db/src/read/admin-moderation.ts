import type { Db, JobStatus, Prisma } from "../client";
import { requireActor } from "../services/actor";
import type { Paged } from "./admin-ledger";
import { escapeLike } from "./like";

export interface ModerationJobRow {
  id: string;
  title: string;
  status: JobStatus;
  client: { id: string; name: string; email: string };
  publishedAt: Date | null;
  proposalCount: number;
  connectCost: number | null;
}

export interface ModerationJobFilters {
  /** Words of the title or the description. */
  query?: string;
  /** One status, or every job (drafts, open, hired, closed, expired, removed) when absent. */
  status?: JobStatus | null;
  /** The client's name or email. */
  client?: string;
}

/**
 * Every job, newest first (drafts by creation), filtered by status, client and text, a page at a
 * time (admin only): open ones can be removed for breaking the rules (economy.md §6).
 */
export async function listJobsForModeration(
  db: Db,
  input: ModerationJobFilters & { actorId: string; page?: number; pageSize?: number },
): Promise<Paged<ModerationJobRow>> {
  await requireActor(db, input, "ADMIN", "moderate jobs");
  const page = Math.max(1, input.page ?? 1);
  const pageSize = Math.min(100, Math.max(1, input.pageSize ?? 20));
  const text = input.query?.trim();
  const client = input.client?.trim();
  const where: Prisma.JobWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(text ? { OR: [{ title: { contains: escapeLike(text), mode: "insensitive" } }, { description: { contains: escapeLike(text), mode: "insensitive" } }] } : {}),
    ...(client ? { client: { OR: [{ name: { contains: escapeLike(client), mode: "insensitive" } }, { email: { contains: escapeLike(client), mode: "insensitive" } }] } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.job.findMany({
      where,
      orderBy: [{ publishedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, title: true, status: true, publishedAt: true, proposalCount: true, connectCost: true, client: { select: { id: true, name: true, email: true } } },
    }),
    db.job.count({ where }),
  ]);
  return { rows, total, page, pageSize };
}

import type { Db } from "../client";
import { unconfirmedEmail, type UnconfirmedEmail } from "./account";

/** How long an admin's warning stays on the person's dashboard (economy.md §5). */
export const WARNING_SHOWN_DAYS = 30;

export interface AccountNotices {
  /** An admin's warnings of the last 30 days, newest first, with their reason. */
  warnings: { id: string; reason: string; createdAt: Date }[];
  /** While the person's email is not confirmed: where the link went and what waits for it (economy.md §13). */
  unconfirmedEmail: UnconfirmedEmail | null;
}

/** What the platform has to tell a signed-in person about their account: the warnings an admin gave them, an email to confirm. */
export async function getAccountNotices(db: Db, input: { actorId: string; now: Date }): Promise<AccountNotices> {
  const since = new Date(input.now.getTime() - WARNING_SHOWN_DAYS * 86_400_000);
  const [warnings, unconfirmed] = await Promise.all([
    db.warning.findMany({
      where: { userId: input.actorId, createdAt: { gt: since, lte: input.now } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: 5,
      select: { id: true, reason: true, createdAt: true },
    }),
    unconfirmedEmail(db, input),
  ]);
  return { warnings, unconfirmedEmail: unconfirmed };
}

import { CONNECTS_EXPIRY_WARNING_DAYS, connectsExpiryWarningDue, reminderHorizon } from "@fairlance/rules";
import type { PrismaClient } from "../../client";
import { lockConnects } from "../../connects/connect-ledger";
import { notify } from "../../notifications";
import { LINKS } from "../../notifications/event-helpers";
import { runTransaction } from "../../transaction";
import type { SystemCall } from "../actor";

const warningKey = (lotId: string) => `connects_expiring:${lotId}`;

/**
 * Time-driven (economy.md §2.2, §11): a freelancer is warned once per lot of connects that still
 * holds some and expires within `CONNECTS_EXPIRY_WARNING_DAYS`, with how many and when. One
 * transaction per lot, under the freelancer's connects lock (re-read there: they may have been
 * spent meanwhile); the event key makes a second run for the same `now` warn no one again.
 */
export async function warnExpiringConnects(prisma: PrismaClient, call: SystemCall): Promise<{ warned: number }> {
  const { now } = call;
  const due = await prisma.connectLot.findMany({
    where: { remaining: { gt: 0 }, expiresAt: { gt: now, lte: reminderHorizon(now, CONNECTS_EXPIRY_WARNING_DAYS) } },
    select: { id: true, userId: true },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
  });
  const sent = new Set(
    (
      await prisma.notification.findMany({
        where: { userId: { in: [...new Set(due.map((lot) => lot.userId))] }, eventKey: { in: due.map((lot) => warningKey(lot.id)) } },
        select: { eventKey: true },
      })
    ).map((n) => n.eventKey),
  );
  let warned = 0;
  for (const candidate of due) {
    if (sent.has(warningKey(candidate.id))) continue;
    const wrote = await runTransaction(prisma, async (tx) => {
      await lockConnects(tx, candidate.userId);
      const lot = await tx.connectLot.findUniqueOrThrow({ where: { id: candidate.id }, select: { id: true, userId: true, remaining: true, expiresAt: true } });
      if (!connectsExpiryWarningDue(lot, now)) return false;
      const id = await notify(tx, {
        userId: lot.userId,
        kind: "connects_expiring",
        eventKey: warningKey(lot.id),
        data: { connects: lot.remaining, expiresAt: lot.expiresAt },
        link: LINKS.connects(),
        now,
      });
      return id !== null;
    });
    if (wrote) warned += 1;
  }
  return { warned };
}

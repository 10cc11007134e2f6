import { CONNECT_ENTRY_REASONS, connectBalance, connectBundles, lotsExpiringWithin, type ConnectBundle } from "@fairlance/rules";
import type { ConnectEntryKind, Db, MembershipStatus } from "../client";
import { loadSettings } from "../settings/load-settings";
import { openLots } from "../services/connects/balance";

export interface ConnectsHistoryLine {
  id: bigint;
  kind: ConnectEntryKind;
  delta: number;
  reason: string;
  /** A sentence for the reason code (CONNECT_ENTRY_REASONS). */
  label: string;
  note: string | null;
  jobId: string | null;
  jobTitle: string | null;
  /** For a purchase: what it cost then, and the price of one connect then (never re-priced). */
  purchase: { priceMinor: bigint; connectPriceMinor: bigint; paidWith: string } | null;
  createdAt: Date;
}

export interface ConnectsOverview {
  balance: number;
  lotsExpiringSoon: { lotId: string; connects: number; expiresAt: Date }[];
  history: ConnectsHistoryLine[];
  bundles: ConnectBundle[];
  membership: {
    /** NONE: never subscribed. CANCELLED: on until `activeUntil`, then it ends. */
    status: MembershipStatus | "NONE";
    activeUntil: Date | null;
    nextGrantAt: Date | null;
    monthlyConnects: number;
    priceMinor: bigint;
    rolloverCap: number | null;
  };
}

const EXPIRING_SOON_DAYS = 30;

const labelOf = (reason: string): string =>
  Object.hasOwn(CONNECT_ENTRY_REASONS, reason) ? CONNECT_ENTRY_REASONS[reason as keyof typeof CONNECT_ENTRY_REASONS] : reason;

/** What a freelancer sees about their connects (economy.md §2.2): balance, what expires soon, every entry with its reason, bundles and Plus. */
export async function getConnectsOverview(db: Db, userId: string, now: Date): Promise<ConnectsOverview> {
  const [lots, entries, membership, { settings }] = await Promise.all([
    openLots(db, userId),
    db.connectEntry.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        kind: true,
        delta: true,
        reason: true,
        note: true,
        jobId: true,
        createdAt: true,
        lot: { select: { purchaseId: true } },
      },
    }),
    db.membership.findUnique({ where: { userId }, select: { status: true, currentPeriodEnd: true } }),
    loadSettings(db, now),
  ]);
  const jobIds = [...new Set(entries.flatMap((entry) => (entry.jobId ? [entry.jobId] : [])))];
  const jobs = jobIds.length ? await db.job.findMany({ where: { id: { in: jobIds } }, select: { id: true, title: true } }) : [];
  const titles = new Map(jobs.map((job) => [job.id, job.title]));
  const purchaseIds = [...new Set(entries.flatMap((entry) => (entry.kind === "PURCHASE" && entry.lot.purchaseId ? [entry.lot.purchaseId] : [])))];
  const purchases = new Map(
    (purchaseIds.length
      ? await db.connectPurchase.findMany({ where: { id: { in: purchaseIds } }, select: { id: true, priceMinor: true, connectPriceMinor: true, paidWith: true } })
      : []
    ).map(({ id, ...purchase }) => [id, purchase]),
  );
  const runsUntil = membership && membership.status !== "LAPSED" && membership.currentPeriodEnd > now ? membership.currentPeriodEnd : null;

  return {
    balance: connectBalance(lots, now),
    lotsExpiringSoon: lotsExpiringWithin(lots, now, EXPIRING_SOON_DAYS).map((lot) => ({ lotId: lot.id, connects: lot.remaining, expiresAt: lot.expiresAt })),
    history: entries.map(({ lot, ...entry }) => ({
      ...entry,
      label: labelOf(entry.reason),
      jobTitle: entry.jobId ? (titles.get(entry.jobId) ?? null) : null,
      purchase: entry.kind === "PURCHASE" && lot.purchaseId ? (purchases.get(lot.purchaseId) ?? null) : null,
    })),
    bundles: connectBundles(settings),
    membership: {
      status: membership?.status ?? "NONE",
      activeUntil: runsUntil,
      nextGrantAt: membership?.status === "ACTIVE" ? membership.currentPeriodEnd : null,
      monthlyConnects: settings.membershipMonthlyConnects,
      priceMinor: settings.membershipPriceMinor,
      rolloverCap: settings.connectRolloverCap,
    },
  };
}

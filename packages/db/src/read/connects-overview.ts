import { CONNECT_ENTRY_REASONS, connectBalance, connectBundles, isLotUsable, lotsExpiringWithin, type ConnectBundle } from "@fairlance/rules";
import type { ConnectEntryKind, Db, MembershipStatus } from "../client";
import { loadSettings } from "../settings/load-settings";
import { openLots } from "../services/connects/balance";

export interface ConnectsHistoryLine {
  /** The entry's id; negative for a lot that has expired and whose entry the next expiry run writes. */
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
  /** The connects balance after this line (a running balance: the newest line's is the balance shown). */
  balanceAfter: number;
  /** False for an expiry that has happened but is not yet written in the connects ledger. */
  recorded: boolean;
}

export interface ConnectsOverview {
  balance: number;
  lotsExpiringSoon: { lotId: string; connects: number; expiresAt: Date }[];
  /** Newest first, with a running balance; the newest line's balance is `balance`. */
  history: ConnectsHistoryLine[];
  /** The running balance of the history ends at `balance` (it always should: both are the connects ledger). */
  reconciles: boolean;
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

const standingOf = (lots: Awaited<ReturnType<typeof openLots>>, now: Date): Pick<ConnectsOverview, "balance" | "lotsExpiringSoon"> => ({
  balance: connectBalance(lots, now),
  lotsExpiringSoon: lotsExpiringWithin(lots, now, EXPIRING_SOON_DAYS).map((lot) => ({ lotId: lot.id, connects: lot.remaining, expiresAt: lot.expiresAt })),
});

/** Connects a freelancer can spend now, and the lots that expire within 30 days, soonest first (economy.md §2.2). */
export async function connectsStanding(db: Db, userId: string, now: Date): Promise<Pick<ConnectsOverview, "balance" | "lotsExpiringSoon">> {
  return standingOf(await openLots(db, userId), now);
}

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

  const recorded = entries.map(({ lot, ...entry }) => ({
    ...entry,
    label: labelOf(entry.reason),
    jobTitle: entry.jobId ? (titles.get(entry.jobId) ?? null) : null,
    purchase: entry.kind === "PURCHASE" && lot.purchaseId ? (purchases.get(lot.purchaseId) ?? null) : null,
    recorded: true,
  }));
  // A lot past its expiry no longer counts in the balance (economy.md §2.2) even before the expiry
  // run writes its entry: the history shows that expiry at its date, so it adds up to the balance.
  const unrecorded = lots
    .filter((lot) => !isLotUsable(lot, now))
    .map((lot, index) => ({
      id: -BigInt(index + 1),
      kind: "EXPIRE" as const,
      delta: -lot.remaining,
      reason: "lot_expired",
      label: labelOf("lot_expired"),
      note: "Written in the ledger by the next expiry run",
      jobId: null,
      jobTitle: null,
      purchase: null,
      createdAt: lot.expiresAt,
      recorded: false,
    }));
  const oldestFirst = [...recorded].reverse();
  for (const line of unrecorded) {
    const at = oldestFirst.findIndex((other) => other.createdAt.getTime() > line.createdAt.getTime());
    oldestFirst.splice(at < 0 ? oldestFirst.length : at, 0, line);
  }
  let running = 0;
  const history = oldestFirst.map((line) => ({ ...line, balanceAfter: (running += line.delta) })).reverse();
  const { balance, lotsExpiringSoon } = standingOf(lots, now);

  return {
    balance,
    lotsExpiringSoon,
    history,
    reconciles: running === balance,
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

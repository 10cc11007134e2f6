import type { Db } from "../../client";
import { DomainError } from "../../errors";

/** The actor must be a freelancer; suspended freelancers cannot move money out. */
export async function requireFreelancer(db: Db, userId: string, options: { forWithdrawal?: boolean } = {}) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, suspendedAt: true, suspendedReason: true } });
  if (!user) throw new DomainError("NOT_FOUND", "Your account no longer exists.");
  if (user.role !== "FREELANCER") throw new DomainError("FORBIDDEN", "Only freelancers have earnings and payout methods.");
  if (options.forWithdrawal && user.suspendedAt) {
    throw new DomainError("ACCOUNT_SUSPENDED", `Your account is suspended: ${user.suspendedReason ?? "contact support"}. Withdrawals are paused.`);
  }
}

const RULE_KIND = { ACH: "ach", LOCAL_BANK: "local_bank", PAYPAL: "paypal", INSTANT: "instant", WIRE: "wire" } as const;

/** The schema's payout method kind as the rules name it. */
export const toRuleKind = (kind: keyof typeof RULE_KIND) => RULE_KIND[kind];

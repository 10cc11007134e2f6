import { randomUUID } from "node:crypto";
import { leg, settingValueToJson, type MarketplaceSettings, type SettingKey } from "@fairlance/rules";
import { Prisma, type PrismaClient, type Role } from "../../client";
import { SANDBOX_CARDS, SandboxGateway } from "../../gateway/sandbox";
import { postTransfers } from "../../ledger/post-transfers";
import { runTransaction } from "../../transaction";

/** The sandbox, remembering every charge and refund it was asked for. */
export class RecordingGateway extends SandboxGateway {
  charges: { idempotencyKey: string; amountMinor: bigint }[] = [];
  refunds: { chargeRef: string; amountMinor: bigint }[] = [];
  /** Runs once, right after the next successful charge (to simulate something changing meanwhile). */
  afterNextCharge: (() => Promise<void>) | null = null;

  override async charge(input: Parameters<SandboxGateway["charge"]>[0]) {
    this.charges.push({ idempotencyKey: input.idempotencyKey, amountMinor: input.amountMinor });
    const result = await super.charge(input);
    const hook = this.afterNextCharge;
    if (result.ok && hook) {
      this.afterNextCharge = null;
      await hook();
    }
    return result;
  }

  override async refund(input: Parameters<SandboxGateway["refund"]>[0]) {
    this.refunds.push({ chargeRef: input.chargeRef, amountMinor: input.amountMinor });
    return super.refund(input);
  }
}

let counter = 0;
export const newKey = () => `test-${randomUUID()}`;

export async function makeUser(prisma: PrismaClient, role: Role, name = `Test ${role.toLowerCase()} ${++counter}`) {
  return prisma.user.create({
    data: { email: `${role.toLowerCase()}-${randomUUID()}@test.local`, name, role, passwordHash: "x" },
    select: { id: true, name: true, role: true },
  });
}

/** A card on file for the user, tokenized by the sandbox; verified unless said otherwise. */
export async function addCard(prisma: PrismaClient, userId: string, card: keyof typeof SANDBOX_CARDS = "succeeds", verified = true) {
  const token = await new SandboxGateway().tokenizeCard({ number: SANDBOX_CARDS[card], expMonth: 12, expYear: 2030, cvc: "123" });
  if (!token.ok) throw new Error(token.reason);
  return prisma.paymentMethod.create({
    data: { userId, brand: token.brand, last4: token.last4, gatewayRef: token.ref, status: verified ? "VERIFIED" : "REQUIRES_VERIFICATION" },
    select: { id: true },
  });
}

/** An admin change of a setting, effective from `effectiveFrom`. */
export async function setSetting<K extends SettingKey>(prisma: PrismaClient, key: K, value: MarketplaceSettings[K], effectiveFrom: Date) {
  const json = settingValueToJson(value);
  return prisma.settingVersion.create({
    data: { key, value: json === null ? Prisma.JsonNull : (json as Prisma.InputJsonValue), effectiveFrom, reason: "test" },
    select: { id: true },
  });
}

/** Puts money in a freelancer's Available balance, as if earned and cleared. */
export async function creditAvailable(prisma: PrismaClient, userId: string, amountMinor: bigint, now: Date) {
  await runTransaction(prisma, (tx) =>
    postTransfers(tx, leg({ kind: "card_gateway" }, { kind: "freelancer_available", userId }, amountMinor, "pending_cleared", "test earnings"), {
      key: `test-earnings:${randomUUID()}`,
      operation: "test.earnings",
      now,
      userId,
    }),
  );
}

export async function ledgerBalance(prisma: PrismaClient, key: string): Promise<bigint> {
  return (await prisma.ledgerAccount.findUnique({ where: { key }, select: { balanceMinor: true } }))?.balanceMinor ?? 0n;
}

export const days = (date: Date, n: number) => new Date(date.getTime() + n * 86_400_000);

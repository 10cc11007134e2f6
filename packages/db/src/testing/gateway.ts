import { SandboxGateway } from "../gateway/sandbox";
import type { GatewayResult } from "../gateway/gateway";

type ChargeInput = Parameters<SandboxGateway["charge"]>[0];
type RefundInput = Parameters<SandboxGateway["refund"]>[0];
type PayoutInput = Parameters<SandboxGateway["payout"]>[0];

/** One call to the provider, in the order made, whatever its outcome. */
export type GatewayCall =
  | { operation: "charge"; cardRef: string; amountMinor: bigint; idempotencyKey: string; description: string; result: GatewayResult }
  | { operation: "refund"; chargeRef: string; amountMinor: bigint; idempotencyKey: string; result: GatewayResult }
  | { operation: "payout"; destinationRef: string; amountMinor: bigint; idempotencyKey: string; result: GatewayResult };

/**
 * The sandbox, recording every call made to it. `calls` holds every charge, refund and payout
 * asked for, with its amount, key and outcome (declined and outages included); `charges`,
 * `refunds` and `payouts` hold those that went through (money that moved), with the
 * provider's ref. `afterNextCharge` runs once, right after the next successful charge
 * (to simulate something changing meanwhile); `failNext` (the sandbox's) simulates an outage.
 */
export class RecordingGateway extends SandboxGateway {
  calls: GatewayCall[] = [];
  charges: { idempotencyKey: string; amountMinor: bigint; ref: string }[] = [];
  refunds: { chargeRef: string; amountMinor: bigint; idempotencyKey: string; ref: string }[] = [];
  payouts: { destinationRef: string; amountMinor: bigint; idempotencyKey: string; ref: string }[] = [];
  afterNextCharge: (() => Promise<void>) | null = null;

  override async charge(input: ChargeInput) {
    const result = await super.charge(input);
    this.calls.push({ operation: "charge", ...input, result });
    if (result.ok) {
      this.charges.push({ idempotencyKey: input.idempotencyKey, amountMinor: input.amountMinor, ref: result.ref });
      const hook = this.afterNextCharge;
      this.afterNextCharge = null;
      if (hook) await hook();
    }
    return result;
  }

  override async refund(input: RefundInput) {
    const result = await super.refund(input);
    this.calls.push({ operation: "refund", ...input, result });
    if (result.ok) this.refunds.push({ chargeRef: input.chargeRef, amountMinor: input.amountMinor, idempotencyKey: input.idempotencyKey, ref: result.ref });
    return result;
  }

  override async payout(input: PayoutInput) {
    const result = await super.payout(input);
    this.calls.push({ operation: "payout", ...input, result });
    if (result.ok) this.payouts.push({ destinationRef: input.destinationRef, amountMinor: input.amountMinor, idempotencyKey: input.idempotencyKey, ref: result.ref });
    return result;
  }
}

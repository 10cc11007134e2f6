import { RuleViolation } from "../errors";
import { divideRounded, type Minor } from "../money/arithmetic";
import { formatMoney } from "../money/format";

/** How a dispute's escrow is divided (economy.md §6.3). */
export interface EscrowSplit {
  /** Paid to the freelancer; the service fee is taken from this part only. */
  releaseMinor: Minor;
  /** Given back to the client's card. */
  refundMinor: Minor;
  /** The part of the client fee given back with `refundMinor`: the fee's share of the refunded part. */
  clientFeeRefundMinor: Minor;
  /** The rest of the client fee, which the platform keeps for the released part. */
  clientFeeKeptMinor: Minor;
}

/**
 * economy.md §6.3: divides escrow of `amountMinor` (funded with `clientFeeMinor` on top) by the
 * amount released to the freelancer. The client fee is refunded in proportion to the refunded
 * part, rounded half up to the cent: clientFee × refund ÷ amount. Releasing everything refunds
 * no fee; refunding everything refunds all of it.
 */
export function splitEscrow(input: { amountMinor: Minor; clientFeeMinor: Minor; releaseMinor: Minor }): EscrowSplit {
  const { amountMinor, clientFeeMinor, releaseMinor } = input;
  if (amountMinor <= 0n || clientFeeMinor < 0n) {
    throw new RuleViolation("DISPUTE_SPLIT_INVALID", "There is no money in escrow to divide.", { amountMinor, clientFeeMinor });
  }
  if (releaseMinor < 0n || releaseMinor > amountMinor) {
    throw new RuleViolation(
      "DISPUTE_SPLIT_INVALID",
      `The part paid to the freelancer must be between $0.00 and the ${formatMoney(amountMinor)} in escrow.`,
      { amountMinor, releaseMinor },
    );
  }
  const refundMinor = amountMinor - releaseMinor;
  const clientFeeRefundMinor = divideRounded(clientFeeMinor * refundMinor, amountMinor);
  return { releaseMinor, refundMinor, clientFeeRefundMinor, clientFeeKeptMinor: clientFeeMinor - clientFeeRefundMinor };
}

/**
 * economy.md §3.3: whether the client may still send submitted work back. After `maxChangeRequests`
 * rounds only approval or a dispute remain, so the review window cannot be restarted for ever.
 */
export function assertChangeRequestAllowed(changesRequested: number, maxChangeRequests: number): void {
  if (changesRequested >= maxChangeRequests) {
    throw new RuleViolation(
      "CHANGE_REQUESTS_USED_UP",
      `You have asked for changes ${maxChangeRequests === 1 ? "once" : `${maxChangeRequests} times`}, the most for one milestone: approve the work or open a dispute.`,
      { changesRequested, maxChangeRequests },
    );
  }
}

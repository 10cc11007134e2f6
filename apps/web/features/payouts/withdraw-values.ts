import { checkWithdrawalAmount, RuleViolation, type WithdrawalQuote } from "@fairlance/rules";
import type { RouterOutputs } from "@/features/contracts/types";
import { problemsOf, readAmount, type Read, type ServerFields } from "@/features/shared/form";

type Overview = RouterOutputs["payout"]["overview"];

export interface WithdrawValues {
  methodId: string;
  amount: string;
}

export interface WithdrawInput extends WithdrawalQuote {
  payoutMethodId: string;
}

/** The amount against the rules of economy.md §4 (checkWithdrawalAmount, as the service plans it) with this page's balance and the method's fee. */
export function parseWithdrawal(values: WithdrawValues, overview: Pick<Overview, "methods" | "availableMinor" | "withdrawalMinimumMinor" | "minimumNetMinor">) {
  const check = problemsOf<WithdrawValues>();
  const method = overview.methods.find((m) => m.usable && m.id === values.methodId);
  if (!method) check.add("methodId", "Choose a payout method.");
  const amount = check.take("amount", readAmount(values.amount, "amount"));
  const quote =
    method && amount !== undefined
      ? check.take("amount", quoteOf(() => checkWithdrawalAmount({ amountMinor: amount, availableMinor: overview.availableMinor, feeMinor: method.feeMinor, settings: { withdrawalMinimumMinor: overview.withdrawalMinimumMinor, minWithdrawalNetMinor: overview.minimumNetMinor } })))
      : undefined;
  return check.done<WithdrawInput>(() => ({ ...quote!, payoutMethodId: method!.id }));
}

function quoteOf(plan: () => WithdrawalQuote): Read<WithdrawalQuote> {
  try {
    return { ok: true, value: plan() };
  } catch (error) {
    if (error instanceof RuleViolation) return { ok: false, error: error.message };
    throw error;
  }
}

export const WITHDRAW_SERVER_FIELDS: ServerFields<WithdrawValues> = { fields: { amountMinor: "amount", payoutMethodId: "methodId" } };


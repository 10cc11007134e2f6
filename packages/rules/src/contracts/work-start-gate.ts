import { RuleViolation } from "../errors";
import { isMilestoneInEscrow, type ContractStatus, type ContractType, type MilestoneStatus } from "./lifecycles";

export interface WorkStartGateInput {
  contractStatus: ContractStatus;
  clientPaymentVerified: boolean;
  contractType: ContractType;
  /** The current milestone of a fixed-price contract; ignored for hourly contracts. */
  milestoneStatus?: MilestoneStatus | null;
}

export type WorkStartCheckKey = "contract_active" | "client_payment_verified" | "milestone_funded";

export interface WorkStartCheck {
  key: WorkStartCheckKey;
  label: string;
  ok: boolean;
  explanation: string;
}

export interface WorkStartGate {
  canStart: boolean;
  checks: WorkStartCheck[];
}

/**
 * The three facts of economy.md §3.2, shown to both sides at all times: work may start only when all
 * hold. For hourly contracts the milestone check always holds (weeks are invoiced instead).
 */
export function workStartGate(input: WorkStartGateInput): WorkStartGate {
  const active = input.contractStatus === "active";
  // A disputed milestone's escrow is frozen until the dispute ends (economy.md §9.3): no work on it meanwhile.
  const disputed = input.contractType === "fixed" && input.milestoneStatus === "disputed";
  const funded = input.contractType === "hourly" || (input.milestoneStatus != null && !disputed && isMilestoneInEscrow(input.milestoneStatus));
  const checks: WorkStartCheck[] = [
    {
      key: "contract_active",
      label: "Contract is active",
      ok: active,
      explanation: active ? "Both sides have agreed to the contract." : "The contract is not active: do not start work.",
    },
    {
      key: "client_payment_verified",
      label: "Client's payment method is verified",
      ok: input.clientPaymentVerified,
      explanation: input.clientPaymentVerified
        ? "The client has a verified payment method."
        : "The client has not verified a payment method yet: do not start work.",
    },
    {
      key: "milestone_funded",
      label: input.contractType === "hourly" ? "Hours are billed weekly" : disputed ? "Current milestone is in dispute" : "Current milestone is funded",
      ok: funded,
      explanation: input.contractType === "hourly"
        ? "Hourly work is invoiced to the client every Monday."
        : funded
          ? "The milestone's money is in escrow."
          : disputed
            ? "The milestone's escrow is frozen while its dispute is open: do not work on it until the dispute is decided, settled or withdrawn."
            : "The current milestone is not funded: do not start work until it is.",
    },
  ];
  return { canStart: checks.every((check) => check.ok), checks };
}

/** Throws WORK_START_GATE_CLOSED naming every check that fails. */
export function assertWorkStartGate(input: WorkStartGateInput): void {
  const gate = workStartGate(input);
  const failed = gate.checks.filter((check) => !check.ok);
  if (failed.length > 0) {
    throw new RuleViolation("WORK_START_GATE_CLOSED", failed.map((check) => check.explanation).join(" "), {
      failed: failed.map((check) => check.key),
    });
  }
}

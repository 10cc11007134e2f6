import {
  settingValueFromJson,
  transitionContract,
  transitionHourlyWeek,
  transitionMilestone,
  type ContractEvent,
  type FeeSchedule,
  type HourlyWeekEvent,
  type MilestoneEvent,
} from "@fairlance/rules";
import { Prisma, type ContractStatus, type HourlyWeekStatus, type MilestoneStatus, type Tx } from "../../client";
import { DomainError } from "../../errors";

/** SELECT … FOR UPDATE on one row: concurrent operations on it queue here. */
export async function lockRow(tx: Tx, table: "Contract" | "Milestone" | "HourlyWeek" | "Job", id: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM ${Prisma.raw(`"${table}"`)} WHERE id = ${id}::uuid FOR UPDATE`;
  return rows.length > 0;
}

export type Side = "client" | "freelancer" | "either";

export interface ContractParties {
  clientId: string;
  freelancerId: string;
}

/**
 * Ownership: someone who is not a party does not see the contract (NOT_FOUND); the other party
 * sees it but may not do this (FORBIDDEN).
 */
export function assertParty(contract: ContractParties | null, actorId: string, side: Side, what = "contract"): asserts contract is ContractParties {
  if (!contract || (contract.clientId !== actorId && contract.freelancerId !== actorId)) {
    throw new DomainError("NOT_FOUND", `This ${what} does not exist.`);
  }
  if (side === "client" && contract.clientId !== actorId) throw new DomainError("FORBIDDEN", "Only the client of this contract can do this.");
  if (side === "freelancer" && contract.freelancerId !== actorId) throw new DomainError("FORBIDDEN", "Only the freelancer of this contract can do this.");
}

/** The schema's upper-case states and the rules' lower-case ones, through the rules' lifecycles. */
const lower = <S extends string>(status: S) => status.toLowerCase() as Lowercase<S>;
const upper = <S extends string>(status: S) => status.toUpperCase() as Uppercase<S>;

export const nextMilestoneStatus = (status: MilestoneStatus, event: MilestoneEvent): MilestoneStatus =>
  upper(transitionMilestone(lower(status), event));
export const nextContractStatus = (status: ContractStatus, event: ContractEvent): ContractStatus =>
  upper(transitionContract(lower(status), event));
export const nextWeekStatus = (status: HourlyWeekStatus, event: HourlyWeekEvent): HourlyWeekStatus =>
  upper(transitionHourlyWeek(lower(status), event));
export const ruleStatus = lower;

/** The fee schedule a contract stored when it was made (economy.md §3.5). */
export const contractSchedule = (json: Prisma.JsonValue): FeeSchedule => settingValueFromJson("feeSchedule", json);

/** Fields every money operation needs from a contract. */
export const CONTRACT_MONEY_FIELDS = {
  id: true,
  clientId: true,
  freelancerId: true,
  type: true,
  status: true,
  title: true,
  clientFeeBps: true,
  feeSchedule: true,
  hourlyRateMinor: true,
  weeklyLimitHours: true,
  offerExpiresAt: true,
} as const satisfies Prisma.ContractSelect;

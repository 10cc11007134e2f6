import { divideRounded, type Minor } from "../money/arithmetic";

export interface ConnectsFunnel {
  /** Connects spent on proposals, net of refunds. */
  connectsSpent: number;
  proposals: number;
  viewed: number;
  interviews: number;
  hires: number;
}

export interface ConnectsRoi extends ConnectsFunnel {
  spentMinor: Minor;
  costPerViewMinor: Minor | null;
  costPerInterviewMinor: Minor | null;
  costPerHireMinor: Minor | null;
}

function costPer(spentMinor: Minor, count: number): Minor | null {
  return count > 0 ? divideRounded(spentMinor, BigInt(count)) : null;
}

/** Connects spent → viewed → interviews → hires, priced at the connect price (economy.md §8). */
export function connectsRoi(funnel: ConnectsFunnel, connectPriceMinor: Minor): ConnectsRoi {
  const spentMinor = BigInt(Math.max(0, funnel.connectsSpent)) * connectPriceMinor;
  return {
    ...funnel,
    spentMinor,
    costPerViewMinor: costPer(spentMinor, funnel.viewed),
    costPerInterviewMinor: costPer(spentMinor, funnel.interviews),
    costPerHireMinor: costPer(spentMinor, funnel.hires),
  };
}

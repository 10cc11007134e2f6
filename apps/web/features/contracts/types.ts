import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/root";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type ContractView = RouterOutputs["contract"]["get"];
export type MilestoneView = ContractView["milestones"][number];

import type { RouterOutputs } from "@/features/contracts/types";

export type Reputation = RouterOutputs["feedback"]["reputation"];
export type FeedbackEntry = Reputation["feedback"][number];
export type FreelancerProfile = RouterOutputs["profile"]["freelancer"];
export type ClientProfile = RouterOutputs["profile"]["client"];

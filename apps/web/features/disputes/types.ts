import type { RouterOutputs } from "@/features/contracts/types";

export type DisputeView = RouterOutputs["dispute"]["get"];

import { z } from "zod";
import { ZJobRef } from "./shared.schema";

export const ZListInviteCandidatesInput = ZJobRef.extend({ query: z.string().trim().max(200).optional() });
export const ZListInviteCandidatesOutput = z.array(z.object({ id: z.string(), name: z.string() }));

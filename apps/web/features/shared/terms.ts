import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@/features/contracts/types";
import { useTRPC } from "@/trpc/client";

export type Terms = RouterOutputs["terms"]["get"];
export { serviceFeeInWords } from "./terms-text";

/** The settings in force that page text states (economy.md): read from the server, never written into the page. */
export function useTerms() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.terms.get.queryOptions(), staleTime: 60_000 });
}

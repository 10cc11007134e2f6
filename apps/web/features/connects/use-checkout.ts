"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";

/** The freelancer's ways to pay (verified cards, earnings when allowed) and the Plus quote. */
export function useCheckout() {
  const trpc = useTRPC();
  return useQuery(trpc.connects.checkout.queryOptions());
}

export const cardLabel = (card: { brand: string; last4: string }) => `${card.brand.charAt(0).toUpperCase()}${card.brand.slice(1)} •••• ${card.last4}`;

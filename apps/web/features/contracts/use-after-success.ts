"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";

/** After a mutation succeeds: a new idempotency key for the next action, and fresh numbers from the server. */
export function useAfterSuccess(renew: () => void) {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    renew();
    await queryClient.invalidateQueries();
  }, [queryClient, renew]);
}

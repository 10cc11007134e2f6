"use client";

import { useCallback, useState } from "react";

const newKey = () => `web-${crypto.randomUUID()}`;

/**
 * One idempotency key per intended action: a double click or a retry of the
 * same form sends the same key (the server acts once); `renew()` after a
 * success (or when the person changes the form) starts a new action.
 */
export function useIdempotencyKey(): { key: string; renew: () => void } {
  const [key, setKey] = useState(newKey);
  const renew = useCallback(() => setKey(newKey()), []);
  return { key, renew };
}

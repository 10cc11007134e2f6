"use client";

import { useEffect, useState } from "react";

/**
 * How long a typed value must stay still before the page asks the server about it (a fee quote,
 * a cost preview, a search). 350 ms: longer than the pause between two keystrokes of a typist
 * entering an amount or a name (about 150–300 ms), so typing "1250" asks once and not four
 * times; short enough that the quote is on screen by the time the eyes move to it, which
 * matters here because every price is shown before anyone commits. 400 ms made the fee preview
 * feel behind; below 300 ms a slow typist's amount was quoted digit by digit.
 */
export const TYPING_SETTLES_MS = 350;

/** `value` once it has stopped changing for `ms` (so typing does not query on every key). */
export function useDebounced<T>(value: T, ms = TYPING_SETTLES_MS): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

"use client";

import { Alert } from "@/components/ui";
import { errorText } from "./error-text";

export { domainCode, errorText, fieldErrors } from "./error-text";

export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert>{errorText(error)}</Alert>;
}

/** The server's sentence for a failed request, the problems of its fields and its code: plain functions (the forms' resolver tests import them without JSX). */

/** The server's sentence for a failed request (domain errors are written for people). */
export function errorText(error: unknown): string {
  if (!error) return "";
  const message = (error as { message?: string }).message;
  return message && !message.startsWith("[") ? message : "Something went wrong. Please try again.";
}

export function fieldErrors(error: unknown): Record<string, string[] | undefined> {
  return ((error as { data?: { fieldErrors?: Record<string, string[]> } } | null)?.data?.fieldErrors ?? {}) as Record<string, string[] | undefined>;
}

/** The service's own code for a refusal ("WEAK_PASSWORD"…), to show its sentence beside the field it is about. */
export function domainCode(error: unknown): string | null {
  return (error as { data?: { domainCode?: string | null } } | null)?.data?.domainCode ?? null;
}

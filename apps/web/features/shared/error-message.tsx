"use client";

import { Alert } from "@/components/ui";

/** The server's sentence for a failed request (domain errors are written for people). */
export function errorText(error: unknown): string {
  if (!error) return "";
  const message = (error as { message?: string }).message;
  return message && !message.startsWith("[") ? message : "Something went wrong. Please try again.";
}

export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert>{errorText(error)}</Alert>;
}

export function fieldErrors(error: unknown): Record<string, string[] | undefined> {
  return ((error as { data?: { fieldErrors?: Record<string, string[]> } } | null)?.data?.fieldErrors ?? {}) as Record<string, string[] | undefined>;
}

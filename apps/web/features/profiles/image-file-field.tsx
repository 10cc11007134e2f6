"use client";

import type { RefObject } from "react";
import { IMAGE_LIMITS } from "@fairlance/rules";
import { FieldNotes, describedBy } from "@/components/ui";

/** What the file inputs accept (the server sniffs the real type from the bytes anyway). */
export const IMAGE_ACCEPT = Object.values(IMAGE_LIMITS.mimeTypes).join(",");

/** A file input with its label, hint and the sentence of a refused file under it (aria-describedby, aria-invalid). */
export function ImageFileField({
  id,
  label,
  hint,
  error,
  input,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  input: RefObject<HTMLInputElement | null>;
  onChange: () => void;
}) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        ref={input}
        id={id}
        name="file"
        type="file"
        accept={IMAGE_ACCEPT}
        onChange={onChange}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { error, hint })}
        className="block w-full max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-semibold"
      />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** The chosen file, or the sentence to show when none was chosen. */
export function chosenFile(input: RefObject<HTMLInputElement | null>): { ok: true; file: File } | { ok: false; error: string } {
  const file = input.current?.files?.[0];
  return file ? { ok: true, file } : { ok: false, error: "Choose a file to upload." };
}

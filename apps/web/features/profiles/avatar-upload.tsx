"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { Alert, Button } from "@/components/ui";
import { errorText } from "@/features/shared/error-text";
import { useTRPC } from "@/trpc/client";
import { ImageFileField, chosenFile } from "./image-file-field";
import { initials } from "./initials";

export const PHOTO_HINT = "A JPEG, PNG or WebP of at least 200 × 200 pixels and at most 5 MB. It is cropped to a square.";

/**
 * The profile photo: a file sent as a FormData to profile.setAvatar, checked and re-encoded on the
 * server (CONTRIBUTING.md, "Files and images"). A refused file's sentence shows under the file field.
 */
export function AvatarUpload({ avatarUrl, name }: { avatarUrl: string | null; name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.profile.pathFilter());
  const upload = useMutation(
    trpc.profile.setAvatar.mutationOptions({
      onSuccess: async () => {
        setDone("Photo saved.");
        await refresh();
      },
    }),
  );
  const remove = useMutation(trpc.profile.removeAvatar.mutationOptions({ onSuccess: async () => { setDone("Photo removed."); await refresh(); } }));
  const id = "profile-photo";
  const error = missing ?? (upload.error ? errorText(upload.error) : undefined);

  const send = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    remove.reset();
    const chosen = chosenFile(input);
    if (!chosen.ok) {
      setMissing(chosen.error);
      input.current?.focus();
      return;
    }
    setMissing(null);
    const form = new FormData();
    form.append("file", chosen.file);
    const element = event.currentTarget;
    upload.mutate(form, { onSuccess: () => element.reset() });
  };
  const changed = () => {
    setMissing(null);
    setDone(null);
    upload.reset();
  };

  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
      {avatarUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- our own /files route serves a 400 × 400 WebP
        <img src={avatarUrl} alt={`Profile photo of ${name}`} width={96} height={96} className="h-24 w-24 shrink-0 rounded-full border border-slate-200 object-cover" />
      ) : (
        <div aria-hidden className="flex h-24 w-24 shrink-0 items-center justify-center rounded-full bg-slate-200 text-2xl font-semibold text-slate-600">
          {initials(name)}
        </div>
      )}
      <form onSubmit={send} noValidate className="min-w-0 flex-1 space-y-2" aria-label="Upload a photo">
        <ImageFileField id={id} label="Profile photo" hint={PHOTO_HINT} error={error} input={input} onChange={changed} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={upload.isPending || remove.isPending}>
            {upload.isPending ? "Uploading…" : "Upload photo"}
          </Button>
          {avatarUrl && (
            <Button type="button" variant="danger-secondary" disabled={upload.isPending || remove.isPending} onClick={() => { setDone(null); upload.reset(); remove.mutate(); }}>
              Remove photo
            </Button>
          )}
        </div>
        <div aria-live="polite">
          {done && <Alert tone="success">{done}</Alert>}
          {remove.error && <Alert>{errorText(remove.error)}</Alert>}
        </div>
      </form>
    </div>
  );
}

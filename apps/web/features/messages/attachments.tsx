"use client";

import { ATTACHMENT_RULES, ATTACHMENT_TEXT, ATTACHMENT_TYPES, formatFileSize } from "@fairlance/rules";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { FieldNotes, describedBy } from "@/components/ui";
import { errorText } from "@/features/shared/error-text";
import { useTRPC } from "@/trpc/client";

/** What the file input offers (the server tells the real type from the bytes anyway). */
const ACCEPT = [...new Set(Object.values(ATTACHMENT_TYPES).map((type) => type.mime)), ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".txt", ".md", ".csv"].join(",");

export const ATTACHMENT_HINT = `Up to ${ATTACHMENT_RULES.maxFilesPerMessage} files: PDF, images (PNG, JPEG, GIF, WebP), Word, Excel, PowerPoint, OpenDocument, ZIP or plain text.`;

const TYPE_LABEL = new Map<string, string>(Object.values(ATTACHMENT_TYPES).map((type) => [type.mime, type.label]));
/** "PDF document, 120 KB". */
export const describeFile = (file: { contentType: string; sizeBytes: number }) => `${TYPE_LABEL.get(file.contentType) ?? "File"}, ${formatFileSize(file.sizeBytes)}`;

export interface PickedFile {
  attachmentId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/**
 * Files chosen for a message or a submission: each is uploaded as soon as it is chosen
 * (message.uploadAttachment), and the form sends their ids. A refused file's sentence shows
 * under the file field, with the server's refusal of the ids (`attachmentIds`) when sending.
 */
export function useAttachments() {
  const trpc = useTRPC();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useMutation(trpc.message.uploadAttachment.mutationOptions());
  const add = async (chosen: readonly File[]) => {
    setProblem(null);
    if (files.length + chosen.length > ATTACHMENT_RULES.maxFilesPerMessage) {
      setProblem(ATTACHMENT_TEXT.tooMany);
      return;
    }
    for (const file of chosen) {
      const form = new FormData();
      form.append("file", file);
      try {
        const uploaded = await upload.mutateAsync(form);
        setFiles((current) => [...current, uploaded]);
      } catch (error) {
        setProblem(`${file.name}: ${errorText(error)}`);
        return;
      }
    }
  };
  return {
    files,
    ids: files.map((file) => file.attachmentId),
    uploading: upload.isPending,
    problem,
    setProblem,
    add,
    remove: (attachmentId: string) => setFiles((current) => current.filter((file) => file.attachmentId !== attachmentId)),
    clear: () => {
      setFiles([]);
      setProblem(null);
    },
  };
}

export type Attachments = ReturnType<typeof useAttachments>;

/** The file field and the files chosen so far, each with a button to take it off. */
export function AttachmentPicker({ id, label = "Attach files", attachments, serverError }: { id: string; label?: string; attachments: Attachments; serverError?: string | null }) {
  const input = useRef<HTMLInputElement>(null);
  const error = attachments.problem ?? serverError ?? undefined;
  const full = attachments.files.length >= ATTACHMENT_RULES.maxFilesPerMessage;
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        ref={input}
        id={id}
        type="file"
        multiple
        accept={ACCEPT}
        disabled={attachments.uploading || full}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { error, hint: ATTACHMENT_HINT })}
        onChange={async (event) => {
          const chosen = [...(event.currentTarget.files ?? [])];
          const element = event.currentTarget;
          await attachments.add(chosen);
          element.value = "";
        }}
        className="block w-full max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-semibold"
      />
      <FieldNotes id={id} hint={ATTACHMENT_HINT} error={error} />
      <div aria-live="polite">
        {attachments.uploading && <p className="text-xs text-slate-600">Uploading…</p>}
        {attachments.files.length > 0 && (
          <ul className="space-y-1" aria-label="Files to send">
            {attachments.files.map((file) => (
              <li key={file.attachmentId} className="flex min-w-0 items-center gap-2 text-sm">
                <span aria-hidden>📎</span>
                <span className="min-w-0 truncate font-medium">{file.fileName}</span>
                <span className="shrink-0 text-xs text-slate-500">{describeFile(file)}</span>
                <button type="button" className="shrink-0 rounded px-2 py-0.5 text-xs font-semibold text-slate-700 underline hover:bg-slate-100" onClick={() => attachments.remove(file.attachmentId)} aria-label={`Remove ${file.fileName}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** Files sent with a message or delivered with work: each a download link (signed, valid for a few minutes). */
export function AttachmentList({ files, label = "Attachments", tone = "light" }: { files: readonly { id: string; fileName: string; contentType: string; sizeBytes: number; url: string }[]; label?: string; tone?: "light" | "dark" }) {
  if (files.length === 0) return null;
  return (
    <ul aria-label={label} className="mt-1 space-y-1">
      {files.map((file) => (
        <li key={file.id} className="flex min-w-0 flex-wrap items-baseline gap-x-2 text-sm">
          <span aria-hidden>📎</span>
          <a href={file.url} download={file.fileName} className={`min-w-0 break-all font-medium underline ${tone === "dark" ? "text-white" : "text-brand-700"}`}>
            {file.fileName}
          </a>
          <span className={`text-xs ${tone === "dark" ? "text-white/80" : "text-slate-500"}`}>{describeFile(file)}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Files sent with a message or delivered with submitted work (economy.md §5.1). What a file is, is
 * read from its bytes (the database package's files/sniff.ts), never from its name or the type the
 * browser claims; the name is kept only to show and to download it under, cleaned here.
 */

const MEGABYTE = 1024 * 1024;

export const ATTACHMENT_RULES = {
  /** Files one message (or one submission of work) carries at most. */
  maxFilesPerMessage: 5,
  /** The size limit's default, 10 MB [admin: `attachmentMaxBytes`]. */
  defaultMaxBytes: 10 * MEGABYTE,
  /** The highest limit an admin may set (25 MB): the API reads no larger upload. */
  ceilingBytes: 25 * MEGABYTE,
  /** The lowest limit an admin may set (100 KB). */
  floorBytes: 100 * 1024,
  /** A cleaned file name keeps at most this many characters (its extension included). */
  fileNameMax: 120,
  /** An upload no message or submission took is deleted after this many hours. */
  unattachedHours: 24,
  /** Uploads one person may make in 24 hours that nothing has taken yet. */
  maxUnattachedPerDay: 40,
  /** A download link works for this many minutes after the page that shows it was drawn. */
  linkMinutes: 15,
} as const;

/** The kinds of file an attachment may be, each with its media type and the extension it is saved with. */
export const ATTACHMENT_TYPES = {
  pdf: { mime: "application/pdf", extension: "pdf", label: "PDF document" },
  png: { mime: "image/png", extension: "png", label: "PNG image" },
  jpeg: { mime: "image/jpeg", extension: "jpg", label: "JPEG image" },
  gif: { mime: "image/gif", extension: "gif", label: "GIF image" },
  webp: { mime: "image/webp", extension: "webp", label: "WebP image" },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx", label: "Word document" },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx", label: "Excel spreadsheet" },
  pptx: { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extension: "pptx", label: "PowerPoint presentation" },
  odt: { mime: "application/vnd.oasis.opendocument.text", extension: "odt", label: "OpenDocument text" },
  ods: { mime: "application/vnd.oasis.opendocument.spreadsheet", extension: "ods", label: "OpenDocument spreadsheet" },
  odp: { mime: "application/vnd.oasis.opendocument.presentation", extension: "odp", label: "OpenDocument presentation" },
  zip: { mime: "application/zip", extension: "zip", label: "ZIP archive" },
  text: { mime: "text/plain", extension: "txt", label: "plain text file" },
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

/** The accepted kinds, in words, for the refusal of any other file. */
export const ATTACHMENT_KINDS_TEXT = "a PDF, an image (PNG, JPEG, GIF or WebP), a ZIP-based document (Word, Excel, PowerPoint, OpenDocument, ZIP) or plain text";

/** A size as a person reads a limit: "5 MB", "7.3 MB", "812 KB". */
export function formatFileSize(bytes: number): string {
  if (bytes >= MEGABYTE) return `${Number((bytes / MEGABYTE).toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The refusal of a file over the limit: "The file is 12.5 MB; an attachment can be at most 10 MB." */
export function attachmentTooLarge(bytes: number, maxBytes: number): string {
  const size = formatFileSize(bytes);
  const limit = formatFileSize(maxBytes);
  return `The file is ${size === limit ? `larger than ${limit}` : size}; an attachment can be at most ${limit}. Choose a smaller one.`;
}

export const ATTACHMENT_TEXT = {
  empty: "The file is empty: choose a file with something in it.",
  wrongType: (what: string | null) => `${what ? `${what} cannot be attached` : "This file cannot be attached"}: attach ${ATTACHMENT_KINDS_TEXT}.`,
  tooMany: `Attach at most ${ATTACHMENT_RULES.maxFilesPerMessage} files at a time.`,
  tooManyUploads: `You have uploaded ${ATTACHMENT_RULES.maxUnattachedPerDay} files in the last 24 hours that are not sent yet: send them, or try again tomorrow.`,
  notYours: "One of the files is not one you uploaded, or it was already sent. Upload it again.",
  duplicate: "The same file is attached twice.",
} as const;

// Control characters, and the marks that reorder text ("invoice‮fdp.exe" shown as "invoiceexe.pdf").
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// Characters a file system or a Content-Disposition header reads as syntax.
const RESERVED = /["*:<>?|\\/]/g;

/**
 * The name an attachment is kept and downloaded under: the last segment of what the browser sent
 * (no folder), without control or direction characters, quotes and path syntax, spaces collapsed,
 * at most ATTACHMENT_RULES.fileNameMax characters, and ending with the extension of the type the
 * bytes are (`report.exe` that is a PDF becomes `report.exe.pdf`). A name with nothing left is
 * `attachment.<extension>`.
 */
export function cleanFileName(name: string, type: AttachmentType): string {
  const extension = ATTACHMENT_TYPES[type].extension;
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned =
    base
      .normalize("NFC")
      .replace(UNSAFE, "")
      .replace(RESERVED, "_")
      .replace(/\s+/g, " ")
      .replace(/^[.\s]+|[.\s]+$/g, "") || "attachment";
  const known: readonly string[] = type === "jpeg" ? ["jpg", "jpeg"] : type === "text" ? ["txt", "text", "md", "csv", "log"] : [extension];
  const dot = cleaned.lastIndexOf(".");
  const own = dot > 0 && known.includes(cleaned.slice(dot + 1).toLowerCase());
  // The name without the extension it keeps, then cut (by whole characters) to leave room for it.
  const stem = own ? cleaned.slice(0, dot) : cleaned;
  const ending = own ? cleaned.slice(dot) : `.${extension}`;
  let cut = "";
  for (const char of stem) {
    if (cut.length + char.length + ending.length > ATTACHMENT_RULES.fileNameMax) break;
    cut += char;
  }
  return `${cut.trimEnd() || "attachment"}${ending}`;
}

/** The search of one's messages (economy.md §5.1): at least 2 characters, at most 100. */
export const MESSAGE_SEARCH = { min: 2, max: 100 } as const;

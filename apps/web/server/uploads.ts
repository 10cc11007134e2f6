import "server-only";
import { z } from "zod";
import { textProblem } from "@fairlance/db";
import { fileTooLarge, MAX_IMAGE_BYTES } from "@fairlance/db/files";
import { ATTACHMENT_RULES, formatFileSize } from "@fairlance/rules";

/** The file of an upload, read into memory (at most its procedure's limit). Its name and type are what the browser said: never trusted for anything but display. */
export interface UploadedFile {
  name: string;
  /** The type the browser declared; prepareImage sniffs the real one from the bytes. */
  declaredType: string;
  bytes: Uint8Array;
}

/** Upload schemas made by uploadInput, with their file limit: the API edge (http/upload.ts) takes multipart bodies for their procedures only, up to that limit. */
const UPLOAD_SCHEMAS = new WeakMap<object, UploadLimit>();
export const isUploadSchema = (parser: unknown) => typeof parser === "object" && parser !== null && UPLOAD_SCHEMAS.has(parser);
/** The file limit of an upload schema (undefined for any other parser). */
export const uploadLimitOf = (parser: unknown): UploadLimit | undefined => (typeof parser === "object" && parser !== null ? UPLOAD_SCHEMAS.get(parser) : undefined);

/** The largest file an upload procedure takes, and the sentence refusing a larger one. */
export interface UploadLimit {
  maxBytes: number;
  tooLarge(bytes: number): string;
}

/** Images (avatars, portfolio): 5 MB. */
export const IMAGE_UPLOAD: UploadLimit = { maxBytes: MAX_IMAGE_BYTES, tooLarge: fileTooLarge };
/**
 * Attachments (economy.md §5.1): the API reads at most the highest limit an admin may set (25 MB);
 * the service refuses by the limit in force (`attachmentMaxBytes`).
 */
export const ATTACHMENT_UPLOAD: UploadLimit = {
  maxBytes: ATTACHMENT_RULES.ceilingBytes,
  tooLarge: (bytes) => `The file is ${formatFileSize(bytes)}; an attachment can never be more than ${formatFileSize(ATTACHMENT_RULES.ceilingBytes)}. Choose a smaller one.`,
};

const FILE_FIELD = "file";

const fileField = (limit: UploadLimit) =>
  z
    .instanceof(File, { error: (issue) => (issue.input === undefined ? "Choose a file to upload." : `The field "${FILE_FIELD}" must be a file, not text.`) })
    .superRefine((file, ctx) => {
      if (file.size > limit.maxBytes) ctx.addIssue({ code: "custom", message: limit.tooLarge(file.size) });
    });
type FileField = ReturnType<typeof fileField>;

/**
 * A form's fields as an object: each name once (a name sent twice is refused), text checked like
 * any text the API takes (no control or direction-override characters). Anything that is not
 * a FormData is passed on as it is, so the strict schema names what is wrong with it.
 */
function formFields(value: unknown, ctx: z.RefinementCtx): unknown {
  if (!(value instanceof FormData)) return value;
  const entries: [string, FormDataEntryValue][] = [];
  for (const name of new Set(value.keys())) {
    const values = value.getAll(name);
    if (values.length > 1) {
      ctx.addIssue({ code: "custom", path: [name], message: `The field "${name.slice(0, 80)}" is sent more than once; send it once.` });
      return z.NEVER;
    }
    const entry = values[0]!;
    const problem = typeof entry === "string" ? textProblem(entry) : null;
    if (problem) {
      ctx.addIssue({ code: "custom", path: [name], message: `The field "${name.slice(0, 80)}" ${problem}` });
      return z.NEVER;
    }
    entries.push([name, entry]);
  }
  // fromEntries makes each name an own property, "__proto__" included (the strict schema refuses it).
  return Object.fromEntries(entries);
}

/**
 * The input of an upload procedure: a multipart form (`FormData`) with one `file` of at most
 * `limit.maxBytes` (an image's 5 MB unless told otherwise) and the text fields of `fields` (a strict object's shape: any other field is
 * refused, as everywhere in the API). It gives the procedure `{ file: UploadedFile, ...fields }`.
 *
 * ```ts
 * export const setAvatarProcedure = freelancerProcedure
 *   .input(uploadInput({}))
 *   .output(ZStoredImage)
 *   .mutation(({ ctx, input }) => setAvatar(ctx.prisma, { bytes: input.file.bytes, ...ctx.caller }));
 * ```
 *
 * The browser sends a FormData through the client's httpLink (trpc/client.tsx); the API edge
 * caps its size before reading it (http/upload.ts). The file is only checked for its size here:
 * what it is, is prepareImage's to tell (@fairlance/db/files).
 */
export function uploadInput<Shape extends z.core.$ZodLooseShape = Record<never, never>>(fields: Shape = {} as Shape, limit: UploadLimit = IMAGE_UPLOAD) {
  const schema = z
    .custom<FormData>()
    .transform(formFields)
    .pipe(z.strictObject({ ...fields, [FILE_FIELD]: fileField(limit) } as Shape & { file: FileField }))
    .transform(async (form) => {
      const { file, ...rest } = form as { file: File } & Record<string, unknown>;
      const uploaded: UploadedFile = { name: file.name, declaredType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
      return { ...rest, file: uploaded } as Omit<z.output<z.ZodObject<Shape>>, "file"> & { file: UploadedFile };
    });
  UPLOAD_SCHEMAS.set(schema, limit);
  return schema;
}

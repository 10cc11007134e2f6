import "server-only";
import { z } from "zod";
import { textProblem } from "@fairlance/db";
import { fileTooLarge, MAX_IMAGE_BYTES } from "@fairlance/db/files";

/** The file of an upload, read into memory (at most MAX_IMAGE_BYTES). Its name and type are what the browser said: never trusted for anything but display. */
export interface UploadedFile {
  name: string;
  /** The type the browser declared; prepareImage sniffs the real one from the bytes. */
  declaredType: string;
  bytes: Uint8Array;
}

/** Upload schemas made by uploadInput: the API edge (http/upload.ts) takes multipart bodies for their procedures only. */
const UPLOAD_SCHEMAS = new WeakSet<object>();
export const isUploadSchema = (parser: unknown) => typeof parser === "object" && parser !== null && UPLOAD_SCHEMAS.has(parser);

const FILE_FIELD = "file";

const FileField = z
  .instanceof(File, { error: (issue) => (issue.input === undefined ? "Choose a file to upload." : `The field "${FILE_FIELD}" must be a file, not text.`) })
  .superRefine((file, ctx) => {
    if (file.size > MAX_IMAGE_BYTES) ctx.addIssue({ code: "custom", message: fileTooLarge(file.size) });
  });

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
 * MAX_IMAGE_BYTES and the text fields of `fields` (a strict object's shape: any other field is
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
export function uploadInput<Shape extends z.core.$ZodLooseShape = Record<never, never>>(fields: Shape = {} as Shape) {
  const schema = z
    .custom<FormData>()
    .transform(formFields)
    .pipe(z.strictObject({ ...fields, [FILE_FIELD]: FileField } as Shape & { file: typeof FileField }))
    .transform(async (form) => {
      const { file, ...rest } = form as { file: File } & Record<string, unknown>;
      const uploaded: UploadedFile = { name: file.name, declaredType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
      return { ...rest, file: uploaded } as Omit<z.output<z.ZodObject<Shape>>, "file"> & { file: UploadedFile };
    });
  UPLOAD_SCHEMAS.add(schema);
  return schema;
}

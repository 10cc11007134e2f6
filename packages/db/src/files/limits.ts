/**
 * The limits of an uploaded image, in one place: the image check (image.ts) and the API's
 * upload edge (apps/web/server/uploads.ts) refuse by the same numbers. No imports, so any
 * module may read them.
 */

/** The largest file an image upload may be: 5 MB. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/**
 * The most pixels an image's header may announce before anything is decoded (40 megapixels, a
 * large camera's photo). A few KB can announce billions of pixels (a "decompression bomb").
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** What each kind of image is for: its smallest accepted size and the size it is stored at. */
export const IMAGE_PURPOSES = {
  /** A square, cropped to fill it. */
  avatar: { minLong: 200, minShort: 200, width: 400, height: 400, fit: "cover", noun: "A profile photo" },
  /** Fitted inside the box, never enlarged; either way round (landscape or portrait). */
  portfolio: { minLong: 400, minShort: 300, width: 1600, height: 1200, fit: "inside", noun: "A portfolio image" },
} as const;

export type ImagePurpose = keyof typeof IMAGE_PURPOSES;

/** A size as a person reads a limit: "5 MB", "7.3 MB", "812 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The refusal of a file over MAX_IMAGE_BYTES: "The file is 7.3 MB; an image can be at most 5 MB." */
export function fileTooLarge(bytes: number): string {
  const size = formatBytes(bytes);
  const limit = formatBytes(MAX_IMAGE_BYTES);
  return `The file is ${size === limit ? `larger than ${limit}` : size}; an image can be at most ${limit}. Choose a smaller one.`;
}

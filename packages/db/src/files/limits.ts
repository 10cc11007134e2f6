import { formatFileSize, IMAGE_LIMITS, type ImagePurpose } from "@fairlance/rules";

/**
 * The limits of an uploaded image are the rules' (IMAGE_LIMITS, economy.md §10.7): the image
 * check (image.ts) and the API's upload edge (apps/web/server/uploads.ts) refuse by them.
 */

/** The largest file an image upload may be: 5 MB. */
export const MAX_IMAGE_BYTES = IMAGE_LIMITS.maxBytes;

/**
 * The most pixels an image's header may announce before anything is decoded (40 megapixels, a
 * large camera's photo). A few KB can announce billions of pixels (a "decompression bomb").
 */
export const MAX_IMAGE_PIXELS = IMAGE_LIMITS.maxPixels;

/** The size each kind of image is stored at (its smallest accepted size is the rules'). */
export const IMAGE_PURPOSES = {
  /** A square, cropped to fill it. */
  avatar: { width: 400, height: 400, fit: "cover" },
  /** Fitted inside the box, never enlarged. */
  portfolio: { width: 1600, height: 1200, fit: "inside" },
} as const satisfies Record<ImagePurpose, unknown>;

export type { ImagePurpose };

/** A size as a person reads a limit: "5 MB", "7.3 MB", "812 KB" (the rules' formatFileSize). */
export const formatBytes = formatFileSize;

/** The refusal of a file over MAX_IMAGE_BYTES: "The file is 7.3 MB; an image can be at most 5 MB." */
export function fileTooLarge(bytes: number): string {
  const size = formatBytes(bytes);
  const limit = formatBytes(MAX_IMAGE_BYTES);
  return `The file is ${size === limit ? `larger than ${limit}` : size}; an image can be at most ${limit}. Choose a smaller one.`;
}

/**
 * Images people upload (economy.md §10.7): a profile photo (avatar) and portfolio images. What a
 * file is, is read from its bytes, never from its name or the type the browser claims; its size in
 * pixels from its header, before anything decodes it, so a small file that would decode into a
 * huge bitmap (a decompression bomb) is refused first.
 */

export const IMAGE_TYPES = ["jpeg", "png", "webp"] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];
export type ImagePurpose = "avatar" | "portfolio";

const MEGABYTE = 1024 * 1024;

export const IMAGE_LIMITS = {
  types: IMAGE_TYPES,
  /** The type to store and serve each with. */
  mimeTypes: { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" } as const satisfies Record<ImageType, string>,
  /** 5 MB (5 × 1,048,576 bytes): a phone photo of 12 megapixels is 2–4 MB as JPEG. */
  maxBytes: 5 * MEGABYTE,
  /** A photo shown at 100 px needs 200 px on a dense screen; a portfolio image is shown 400 px wide. */
  minSize: { avatar: { width: 200, height: 200 }, portfolio: { width: 400, height: 300 } } as const satisfies Record<ImagePurpose, { width: number; height: number }>,
  /** 40 megapixels (about 160 MB decoded at 4 bytes a pixel): more is refused before decoding. */
  maxPixels: 40_000_000,
} as const;

const startsWith = (bytes: Uint8Array, at: number, expected: readonly number[]) => expected.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");

/** The image type from the file's first bytes (its magic number), or null when it is none of the accepted ones. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, 0, JPEG_MAGIC)) return "jpeg";
  if (startsWith(bytes, 0, PNG_MAGIC)) return "png";
  if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) return "webp";
  return null;
}

export interface ImageSize {
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u32le = (b: Uint8Array, at: number) => u24le(b, at) + b[at + 3]! * 0x1000000;

/** A JPEG's frame header (SOF0–SOF15, except DHT C4, JPG C8 and DAC CC) holds its size. */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** Walks the JPEG's segments up to its frame header. */
function jpegSize(b: Uint8Array): ImageSize | null {
  let at = 2;
  while (at + 3 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // a fill byte before a marker
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2; // TEM, RSTn and SOI have no length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // the image ends or its data begins before any frame header
    const length = u16be(b, at + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) return at + 9 <= b.length ? { height: u16be(b, at + 5), width: u16be(b, at + 7) } : null;
    at += 2 + length;
  }
  return null;
}

function pngSize(b: Uint8Array): ImageSize | null {
  // The first chunk is IHDR: width and height, 4 bytes each, big-endian.
  return b.length >= 24 && startsWith(b, 12, ascii("IHDR")) ? { width: u32be(b, 16), height: u32be(b, 20) } : null;
}

function webpSize(b: Uint8Array): ImageSize | null {
  if (startsWith(b, 12, ascii("VP8 ")) && b.length >= 30 && startsWith(b, 23, [0x9d, 0x01, 0x2a])) {
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff }; // lossy: 14 bits each after the start code
  }
  if (startsWith(b, 12, ascii("VP8L")) && b.length >= 25 && b[20] === 0x2f) {
    const bits = u32le(b, 21); // lossless: width − 1 and height − 1, 14 bits each
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (startsWith(b, 12, ascii("VP8X")) && b.length >= 30) {
    return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 }; // extended: canvas width − 1 and height − 1, 24 bits each
  }
  return null;
}

/** The width and height an image's header declares, read without decoding it; null when it cannot be read. */
export function readImageSize(bytes: Uint8Array): ImageSize | null {
  const type = sniffImageType(bytes);
  if (type === "jpeg") return jpegSize(bytes);
  if (type === "png") return pngSize(bytes);
  if (type === "webp") return webpSize(bytes);
  return null;
}

/** "6.3 MB": bytes in megabytes with one decimal, rounded up (so anything over 5 MB never reads "5.0 MB"). */
function megabytes(bytes: number): string {
  const tenths = Math.ceil((bytes * 10) / MEGABYTE);
  return `${Math.floor(tenths / 10)}.${tenths % 10} MB`;
}

const dimensions = ({ width, height }: ImageSize) => `${width.toLocaleString("en-US")} × ${height.toLocaleString("en-US")}`;

export interface ImageFacts {
  /** The sniffed type (`sniffImageType`), or null. */
  type: ImageType | null;
  /** The file's size in bytes. */
  bytes: number;
  /** From the header (`readImageSize`), or null when it could not be read. */
  width: number | null;
  height: number | null;
  purpose: ImagePurpose;
}

/** Why an uploaded image is refused, as a sentence, or undefined when it is accepted (economy.md §10.7). */
export function imageProblem({ type, bytes, width, height, purpose }: ImageFacts): string | undefined {
  if (type === null) return "Upload a JPEG, PNG or WebP image; this file is none of them.";
  if (bytes > IMAGE_LIMITS.maxBytes) return `This image is ${megabytes(bytes)}; upload one of at most 5 MB.`;
  if (width === null || height === null || !Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width < 1 || height < 1) {
    return "The size of this image could not be read. Save it again as JPEG, PNG or WebP and upload that.";
  }
  const pixels = BigInt(width) * BigInt(height);
  if (pixels > BigInt(IMAGE_LIMITS.maxPixels)) {
    const tenths = (pixels * 10n + 999_999n) / 1_000_000n; // megapixels in tenths, rounded up
    return `This image is ${dimensions({ width, height })} pixels (${(tenths / 10n).toLocaleString("en-US")}.${tenths % 10n} megapixels); upload one of at most 40 megapixels.`;
  }
  const min = IMAGE_LIMITS.minSize[purpose];
  if (width < min.width || height < min.height) {
    const what = purpose === "avatar" ? "A profile photo" : "A portfolio image";
    return `${what} must be at least ${dimensions(min)} pixels; this one is ${dimensions({ width, height })}.`;
  }
  return undefined;
}

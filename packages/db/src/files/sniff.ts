/**
 * What kind of file some bytes are, told from the bytes themselves (their "magic numbers"),
 * never from a name or a declared type. Small and self-contained on purpose.
 */

/** The image types an upload may be. */
export type ImageType = "image/jpeg" | "image/png" | "image/webp";

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");

/** The accepted image type the bytes begin as: JPEG, PNG or WebP, else null. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return "image/webp";
  return null;
}

/** What a file that is not an accepted image is, for the refusal's sentence ("A GIF image"), or null. */
export function describeOtherFile(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "A GIF image";
  if (startsWith(bytes, ascii("%PDF-"))) return "A PDF document";
  if (startsWith(bytes, ascii("ftyp"), 4)) return "An HEIC, AVIF or video file";
  if (startsWith(bytes, ascii("BM"))) return "A BMP image";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "A TIFF image";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "A ZIP archive";
  // Text: an SVG drawing or a web page (a BOM and whitespace may come first).
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024)).toLowerCase();
  if (/^(\ufeff|ï»¿)?\s*</.test(head)) return head.includes("<svg") ? "An SVG drawing" : "A text or web page file";
  return null;
}

/**
 * What kind of file some bytes are, told from the bytes themselves (their "magic numbers"),
 * never from a name or a declared type. The accepted types are the rules'; this adds what a
 * refused file is, for the sentence.
 */
import { IMAGE_LIMITS, sniffImageType as sniffRuleType, type AttachmentType } from "@fairlance/rules";

/** The image types an upload may be. */
export type ImageType = "image/jpeg" | "image/png" | "image/webp";

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));


/** The accepted image type the bytes begin as (the rules' sniffImageType), as a media type; else null. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const type = sniffRuleType(bytes);
  return type ? IMAGE_LIMITS.mimeTypes[type] : null;
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

/**
 * What an attachment is (economy.md §5.1), from its bytes: a PDF, a PNG, JPEG, GIF or WebP image,
 * a ZIP-based document (Word, Excel, PowerPoint and OpenDocument files are ZIP archives: told
 * apart by the entries they hold) or a ZIP archive, or plain text (valid UTF-8 without a NUL
 * byte). Anything else is null.
 */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  const image = sniffRuleType(bytes);
  if (image) return image;
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipKind(bytes);
  return isPlainText(bytes) ? "text" : null;
}

const ODF: Record<string, AttachmentType> = {
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.presentation": "odp",
};

/** Which ZIP-based document: an OpenDocument file begins with a stored "mimetype" entry; an Office file holds [Content_Types].xml and its part. */
function zipKind(bytes: Uint8Array): AttachmentType {
  const u16 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8);
  const nameLength = u16(26);
  const extraLength = u16(28);
  const name = new TextDecoder("latin1").decode(bytes.subarray(30, 30 + nameLength));
  if (name === "mimetype" && u16(8) === 0) {
    const start = 30 + nameLength + extraLength;
    const size = bytes[18]! | (bytes[19]! << 8) | (bytes[20]! << 16) | (bytes[21]! << 24);
    const type = new TextDecoder("latin1").decode(bytes.subarray(start, start + Math.min(Math.max(size, 0), 100)));
    if (Object.hasOwn(ODF, type)) return ODF[type]!;
  }
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.includes("[Content_Types].xml")) {
    if (data.includes("word/document.xml")) return "docx";
    if (data.includes("xl/workbook.xml")) return "xlsx";
    if (data.includes("ppt/presentation.xml")) return "pptx";
  }
  return "zip";
}

/** Valid UTF-8 (a byte-order mark allowed) with no NUL byte: text, whatever it says. */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

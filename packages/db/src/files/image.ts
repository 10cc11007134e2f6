import type { Sharp } from "sharp";
import { fileTooLarge, IMAGE_PURPOSES, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, type ImagePurpose } from "./limits";
import { describeOtherFile, sniffImageType, type ImageType } from "./sniff";

/** An image ready to store: re-encoded as WebP, without any metadata. */
export interface PreparedImage {
  bytes: Uint8Array;
  contentType: "image/webp";
  width: number;
  height: number;
}

export type PreparedImageResult = { ok: true; image: PreparedImage } | { ok: false; problem: string };

const ACCEPTED = "Choose a JPEG, PNG or WebP image.";
/** libvips' name of each accepted type: the decoder must agree with what the bytes begin as. */
const DECODER: Record<ImageType, string> = { "image/jpeg": "jpeg", "image/png": "png", "image/webp": "webp" };
const UNREADABLE = `The image could not be read: the file is damaged or incomplete. ${ACCEPTED}`;

let sharpModule: Promise<(typeof import("sharp"))["default"]> | undefined;
// Loaded on the first image, so importing the files module costs nothing until then.
const loadSharp = () => (sharpModule ??= import("sharp").then((module) => module.default));

/**
 * Checks an uploaded file by its content and makes the image that is stored: the type is
 * sniffed from the bytes (JPEG, PNG or WebP; never the name or the declared type), the size is
 * at most MAX_IMAGE_BYTES, and the dimensions are read from the header BEFORE anything is
 * decoded (at most MAX_IMAGE_PIXELS, at least the purpose's minimum). Then it is decoded with
 * the pixel limit, turned upright by its EXIF orientation, resized for its purpose (an avatar
 * is cropped to a 400 × 400 square; a portfolio image fits inside 1600 × 1200, never enlarged)
 * and re-encoded as WebP, which drops every piece of metadata (EXIF, GPS, XMP, ICC, comments)
 * and anything hidden after the image (a polyglot's other file).
 *
 * A file that is not such an image gets a sentence saying what to do; this never throws for
 * anything in the bytes.
 */
export async function prepareImage(bytes: Uint8Array, purpose: ImagePurpose): Promise<PreparedImageResult> {
  const refuse = (problem: string): PreparedImageResult => ({ ok: false, problem });
  const rules = IMAGE_PURPOSES[purpose];

  if (bytes.byteLength === 0) return refuse(`The file is empty. ${ACCEPTED}`);
  if (bytes.byteLength > MAX_IMAGE_BYTES) return refuse(fileTooLarge(bytes.byteLength));
  const type = sniffImageType(bytes);
  if (type === null) return refuse(`${describeOtherFile(bytes) ?? "This file"} cannot be used: it is not a JPEG, PNG or WebP image. ${ACCEPTED}`);

  const sharp = await loadSharp();
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The header only: nothing is decoded yet.
  let header: { format: string; width: number; height: number };
  try {
    const metadata = await sharp(input, { limitInputPixels: false }).metadata();
    header = { format: metadata.format, width: metadata.autoOrient.width, height: metadata.autoOrient.height };
  } catch {
    return refuse(UNREADABLE);
  }
  if (header.format !== DECODER[type] || !(header.width > 0 && header.height > 0)) return refuse(UNREADABLE);

  const { width, height } = header;
  if (width * height > MAX_IMAGE_PIXELS) {
    return refuse(`The image is ${width.toLocaleString("en-US")} × ${height.toLocaleString("en-US")} pixels; an image can have at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels.`);
  }
  if (Math.max(width, height) < rules.minLong || Math.min(width, height) < rules.minShort) {
    return refuse(`${rules.noun} must be at least ${rules.minLong} × ${rules.minShort} pixels; this one is ${width} × ${height}.`);
  }

  try {
    // failOn "warning" (sharp's default, said here on purpose): a truncated or damaged file stops the decoding.
    const pipeline: Sharp = sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "warning", autoOrient: true }).resize(rules.width, rules.height, {
      fit: rules.fit,
      withoutEnlargement: rules.fit === "inside",
    });
    // sharp writes no metadata unless told to (withMetadata, keepExif…): the output has none.
    const { data, info } = await pipeline.webp({ quality: 82 }).toBuffer({ resolveWithObject: true });
    return { ok: true, image: { bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), contentType: "image/webp", width: info.width, height: info.height } };
  } catch {
    return refuse(UNREADABLE);
  }
}

import sharp from "sharp";

/** A real image file made by sharp for tests: a plain block of colour, `width` × `height`, in `format`; half transparent with `alpha`. */
export async function makeTestImage(options: { format: "jpeg" | "png" | "webp" | "gif"; width: number; height: number; alpha?: boolean }): Promise<Uint8Array> {
  const { format, width, height, alpha = false } = options;
  const background = alpha ? { r: 20, g: 120, b: 200, alpha: 0.5 } : { r: 51, g: 170, b: 119 };
  return new Uint8Array(await sharp({ create: { width, height, channels: alpha ? 4 : 3, background } }).toFormat(format).toBuffer());
}

/** The format and size an image file's header announces ("webp", 640, 480). */
export async function imageHeader(bytes: Uint8Array): Promise<{ format: string; width: number; height: number }> {
  const { format, width, height } = await sharp(bytes).metadata();
  return { format, width, height };
}

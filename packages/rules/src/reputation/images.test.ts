import { describe, expect, it } from "vitest";
import { IMAGE_LIMITS, imageProblem, readImageSize, sniffImageType, type ImageFacts } from "./images";

const bytes = (hex: string) => Uint8Array.from(hex.match(/../g)!.map((pair) => Number.parseInt(pair, 16)));

/**
 * Real headers, the first bytes of files written by libjpeg-turbo's cjpeg (baseline, progressive,
 * and with a comment added by wrjpgcom), libwebp's cwebp (lossy VP8, lossless VP8L, and VP8X for
 * an image with alpha) and PNG files (a 578 × 301 screenshot and a 32 × 32 favicon).
 */
const DQT =
  "ffdb0043000d090a0b0a080d0b0a0b0e0e0d0f13201513121213271c1e17202e2931302e292d2c333a4a3e333646372c2d405741464c4e525352323e5a615a50604a51524f" +
  "ffdb0043010e0e0e131113261515264f352d354f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f4f";
const JFIF = "ffd8ffe000104a46494600010100000100010000";
const HEADERS = {
  jpegBaseline: `${JFIF}${DQT}ffc0001108012d0242030122`,
  jpegProgressive: `${JFIF}${DQT}ffc2001108012d0242030122`,
  jpegWithComment: `${JFIF}${DQT}fffe001c466169726c616e636520706f7274666f6c696f2073616d706c65ffc0001108012d0242030122`,
  /** Photoshop's JPEG, with Exif after JFIF: only its first bytes. */
  jpegExif: "ffd8ffe000104a46494600010100004800480000ffe10084",
  png: "89504e470d0a1a0a0000000d49484452000002420000012d0806000000e4ed0f12",
  pngFavicon: "89504e470d0a1a0a0000000d4948445200000020000000200804000000d973b27f",
  webpLossy: "524946460a1f00005745425056503820fe1e0000f098009d012a42022d01",
  webpLossless: "52494646320e0000574542505650384c250e00002f41024b00",
  webpExtended: "524946465c02000057454250565038580a000000100000001f00001f0000",
};

describe("sniffImageType: the type from the bytes, not the name", () => {
  it("knows JPEG, PNG and WebP by their magic numbers", () => {
    expect(sniffImageType(bytes(HEADERS.jpegBaseline))).toBe("jpeg");
    expect(sniffImageType(bytes(HEADERS.jpegExif))).toBe("jpeg");
    expect(sniffImageType(bytes(HEADERS.png))).toBe("png");
    expect(sniffImageType(bytes(HEADERS.webpLossy))).toBe("webp");
    expect(sniffImageType(bytes(HEADERS.webpLossless))).toBe("webp");
    expect(sniffImageType(bytes(HEADERS.webpExtended))).toBe("webp");
  });

  it("refuses anything else, and too few bytes", () => {
    expect(sniffImageType(new Uint8Array())).toBeNull();
    expect(sniffImageType(bytes("ffd8"))).toBeNull();
    expect(sniffImageType(bytes("474946383961"))).toBeNull(); // GIF89a
    expect(sniffImageType(bytes("25504446"))).toBeNull(); // %PDF
    expect(sniffImageType(bytes("3c737667"))).toBeNull(); // <svg
    expect(sniffImageType(bytes("52494646240000005741564566"))).toBeNull(); // RIFF…WAVE
    expect(sniffImageType(bytes("89504e470d0a1a"))).toBeNull(); // a PNG signature cut short
  });
});

describe("readImageSize: from the header, without decoding", () => {
  it("reads real headers", () => {
    const size = { width: 578, height: 301 };
    expect(readImageSize(bytes(HEADERS.jpegBaseline))).toEqual(size);
    expect(readImageSize(bytes(HEADERS.jpegProgressive))).toEqual(size);
    expect(readImageSize(bytes(HEADERS.jpegWithComment))).toEqual(size);
    expect(readImageSize(bytes(HEADERS.png))).toEqual(size);
    expect(readImageSize(bytes(HEADERS.pngFavicon))).toEqual({ width: 32, height: 32 });
    expect(readImageSize(bytes(HEADERS.webpLossy))).toEqual(size);
    expect(readImageSize(bytes(HEADERS.webpLossless))).toEqual(size);
    expect(readImageSize(bytes(HEADERS.webpExtended))).toEqual({ width: 32, height: 32 });
  });

  it("skips fill bytes and markers without a length", () => {
    const withFill = HEADERS.jpegBaseline.replace("ffc00011", "ffffd0ffc00011");
    expect(readImageSize(bytes(withFill))).toEqual({ width: 578, height: 301 });
  });

  it("gives up on a header it cannot read", () => {
    expect(readImageSize(bytes(HEADERS.jpegExif))).toBeNull(); // cut before the frame header
    expect(readImageSize(bytes(HEADERS.jpegBaseline.slice(0, -8)))).toBeNull(); // the frame header cut short
    expect(readImageSize(bytes(`${JFIF}ffda000c`))).toBeNull(); // image data before any frame header
    expect(readImageSize(bytes(`${JFIF}ffd9000000`))).toBeNull(); // the end before any frame header
    expect(readImageSize(bytes(`${JFIF}00c0001108`))).toBeNull(); // not a marker
    expect(readImageSize(bytes(`${JFIF}ffe1000100000000`))).toBeNull(); // a length shorter than itself
    expect(readImageSize(bytes(HEADERS.png.slice(0, 40)))).toBeNull();
    expect(readImageSize(bytes(HEADERS.png.replace("49484452", "74455874")))).toBeNull(); // no IHDR first
    expect(readImageSize(bytes(HEADERS.webpLossy.replace("9d012a", "000000")))).toBeNull(); // no VP8 start code
    expect(readImageSize(bytes(HEADERS.webpLossless.replace("2f41024b00", "0041024b00")))).toBeNull(); // no VP8L signature
    expect(readImageSize(bytes(HEADERS.webpExtended.slice(0, 50)))).toBeNull();
    expect(readImageSize(bytes("52494646000000005745425041424344000000000000000000000000000000"))).toBeNull(); // an unknown chunk
    expect(readImageSize(bytes("474946383961"))).toBeNull();
  });
});

describe("imageProblem (economy.md §10.7)", () => {
  const photo: ImageFacts = { type: "jpeg", bytes: 2_000_000, width: 800, height: 800, purpose: "avatar" };

  it("accepts a JPEG, PNG or WebP up to 5 MB, big enough and under 40 megapixels", () => {
    expect(imageProblem(photo)).toBeUndefined();
    expect(imageProblem({ ...photo, type: "webp", bytes: IMAGE_LIMITS.maxBytes, width: 200, height: 200 })).toBeUndefined();
    expect(imageProblem({ ...photo, type: "png", purpose: "portfolio", width: 400, height: 300 })).toBeUndefined();
    expect(imageProblem({ ...photo, width: 8_000, height: 5_000 })).toBeUndefined(); // exactly 40 megapixels
    expect(IMAGE_LIMITS.mimeTypes.webp).toBe("image/webp");
  });

  it("says what is wrong, in this order", () => {
    expect(imageProblem({ ...photo, type: null, bytes: 10 * 1024 * 1024 })).toBe("Upload a JPEG, PNG or WebP image; this file is none of them.");
    expect(imageProblem({ ...photo, bytes: IMAGE_LIMITS.maxBytes + 1 })).toBe("This image is 5.1 MB; upload one of at most 5 MB.");
    expect(imageProblem({ ...photo, bytes: 6_553_600 })).toBe("This image is 6.3 MB; upload one of at most 5 MB.");
    expect(imageProblem({ ...photo, width: null })).toBe("The size of this image could not be read. Save it again as JPEG, PNG or WebP and upload that.");
    expect(imageProblem({ ...photo, height: 0 })).toBe("The size of this image could not be read. Save it again as JPEG, PNG or WebP and upload that.");
    expect(imageProblem({ ...photo, width: 1.5 })).toBe("The size of this image could not be read. Save it again as JPEG, PNG or WebP and upload that.");
  });

  it("refuses a decompression bomb: a small file that decodes into more than 40 megapixels", () => {
    expect(imageProblem({ ...photo, bytes: 40_000, width: 8_000, height: 5_001 })).toBe("This image is 8,000 × 5,001 pixels (40.1 megapixels); upload one of at most 40 megapixels.");
    expect(imageProblem({ ...photo, type: "png", bytes: 50_000, width: 4_294_967_295, height: 4_294_967_295 })).toMatch(/^This image is 4,294,967,295 × 4,294,967,295 pixels \(18,446,744,065,119\.7 megapixels\)/);
  });

  it("wants 200 × 200 pixels for a profile photo and 400 × 300 for a portfolio image", () => {
    expect(imageProblem({ ...photo, width: 199, height: 400 })).toBe("A profile photo must be at least 200 × 200 pixels; this one is 199 × 400.");
    expect(imageProblem({ ...photo, purpose: "portfolio", width: 400, height: 299 })).toBe("A portfolio image must be at least 400 × 300 pixels; this one is 400 × 299.");
    expect(imageProblem({ ...photo, purpose: "portfolio", width: 300, height: 400 })).toBe("A portfolio image must be at least 400 × 300 pixels; this one is 300 × 400.");
  });

  it("goes from real bytes to a verdict", () => {
    const check = (hex: string, purpose: ImageFacts["purpose"]) => {
      const header = bytes(hex);
      const size = readImageSize(header);
      return imageProblem({ type: sniffImageType(header), bytes: header.length, width: size?.width ?? null, height: size?.height ?? null, purpose });
    };
    expect(check(HEADERS.webpLossy, "portfolio")).toBeUndefined();
    expect(check(HEADERS.pngFavicon, "avatar")).toBe("A profile photo must be at least 200 × 200 pixels; this one is 32 × 32.");
  });
});

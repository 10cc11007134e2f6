import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeTestImage } from "../testing/images";
import { prepareImage, type PreparedImageResult } from "./image";
import { MAX_IMAGE_BYTES } from "./limits";
import { describeOtherFile, sniffImageType } from "./sniff";

const image = (format: "jpeg" | "png" | "webp" | "gif", width: number, height: number, options: { alpha?: boolean } = {}) => makeTestImage({ format, width, height, ...options });

const problemOf = (result: PreparedImageResult) => (result.ok ? null : result.problem);
const ascii = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
};
const includes = (haystack: Uint8Array, needle: string) => Buffer.from(haystack).includes(needle);

/** A PNG of `width` × `height` whose header is valid but whose pixels are a few bytes: a decompression bomb's header. */
function pngHeaderOnly(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.byteLength);
    const body = concat(ascii(type), data);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return concat(length, body, crc);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.alloc(3 * width + 1))), chunk("IEND", new Uint8Array()));
}

describe("sniffImageType", () => {
  it("tells JPEG, PNG and WebP from their bytes", async () => {
    expect(sniffImageType(await image("jpeg", 8, 8))).toBe("image/jpeg");
    expect(sniffImageType(await image("png", 8, 8))).toBe("image/png");
    expect(sniffImageType(await image("webp", 8, 8))).toBe("image/webp");
  });

  it("is null for anything else, however it is named", async () => {
    expect(sniffImageType(await image("gif", 8, 8))).toBeNull();
    expect(sniffImageType(ascii("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImageType(ascii("%PDF-1.7\n"))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
    expect(sniffImageType(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(ascii("RIFF\0\0\0\0WAVE"))).toBeNull();
  });

  it("names the common other kinds for the refusal", async () => {
    expect(describeOtherFile(await image("gif", 8, 8))).toBe("A GIF image");
    expect(describeOtherFile(ascii("\ufeff  <?xml version='1.0'?><svg/>"))).toBe("An SVG drawing");
    expect(describeOtherFile(ascii("<!doctype html><p>hi"))).toBe("A text or web page file");
    expect(describeOtherFile(ascii("%PDF-1.4"))).toBe("A PDF document");
    expect(describeOtherFile(new Uint8Array([0, 0, 0, 0x18, ...ascii("ftypheic")]))).toBe("An HEIC, AVIF or video file");
    expect(describeOtherFile(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});

describe("prepareImage", () => {
  it("re-encodes a JPEG, PNG or WebP portfolio image as WebP, fitted inside 1600 × 1200 and never enlarged", async () => {
    for (const format of ["jpeg", "png", "webp"] as const) {
      const result = await prepareImage(await image(format, 2400, 1200), "portfolio");
      expect(result).toMatchObject({ ok: true, image: { contentType: "image/webp", width: 1600, height: 800 } });
      if (!result.ok) continue;
      expect(sniffImageType(result.image.bytes)).toBe("image/webp");
      expect(await sharp(result.image.bytes).metadata()).toMatchObject({ format: "webp", width: 1600, height: 800 });
    }
    expect(await prepareImage(await image("png", 640, 480), "portfolio")).toMatchObject({ ok: true, image: { width: 640, height: 480 } });
    // Portrait is fine too: 300 × 400 is 400 × 300 the other way round.
    expect(await prepareImage(await image("jpeg", 300, 400), "portfolio")).toMatchObject({ ok: true, image: { width: 300, height: 400 } });
  });

  it("crops an avatar to a 400 × 400 square, transparency kept", async () => {
    const result = await prepareImage(await image("png", 900, 300, { alpha: true }), "avatar");
    expect(result).toMatchObject({ ok: true, image: { width: 400, height: 400 } });
    if (result.ok) expect(await sharp(result.image.bytes).metadata()).toMatchObject({ width: 400, height: 400, hasAlpha: true });
    expect(await prepareImage(await image("webp", 200, 200), "avatar")).toMatchObject({ ok: true, image: { width: 400, height: 400 } });
  });

  it("turns the image upright by its EXIF orientation, then drops the orientation with the rest", async () => {
    // Stored 600 wide, 300 high, with "rotate 90° clockwise to view": it is a 300 × 600 portrait.
    const sideways = new Uint8Array(await sharp({ create: { width: 600, height: 300, channels: 3, background: "#a33" } }).jpeg().withMetadata({ orientation: 6 }).toBuffer());
    const result = await prepareImage(sideways, "portfolio");
    expect(result).toMatchObject({ ok: true, image: { width: 300, height: 600 } });
    if (result.ok) expect((await sharp(result.image.bytes).metadata()).orientation).toBeUndefined();
  });

  it("removes every piece of metadata: EXIF, GPS, XMP and the colour profile", async () => {
    const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description>xmp-secret-note</rdf:Description></rdf:RDF></x:xmpmeta>`;
    const tagged = new Uint8Array(
      await sharp({ create: { width: 800, height: 600, channels: 3, background: "#259" } })
        .jpeg()
        .withIccProfile("p3")
        .withExif({
          IFD0: { Copyright: "exif-secret-owner", Artist: "exif-secret-artist" },
          IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 2400/100", GPSLongitudeRef: "E", GPSLongitude: "2/1 21/1 300/100", GPSMapDatum: "gps-secret-datum" },
        })
        .withXmp(xmp)
        .toBuffer(),
    );
    const before = await sharp(tagged).metadata();
    expect(before.exif).toBeDefined();
    expect(before.xmp).toBeDefined();
    expect(before.icc).toBeDefined();
    for (const secret of ["exif-secret-owner", "gps-secret-datum", "xmp-secret-note"]) expect(includes(tagged, secret)).toBe(true);

    for (const purpose of ["avatar", "portfolio"] as const) {
      const result = await prepareImage(tagged, purpose);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const after = await sharp(result.image.bytes).metadata();
      expect({ exif: after.exif, xmp: after.xmp, icc: after.icc, iptc: after.iptc, comments: after.comments, orientation: after.orientation }).toEqual({
        exif: undefined,
        xmp: undefined,
        icc: undefined,
        iptc: undefined,
        comments: undefined,
        orientation: undefined,
      });
      for (const secret of ["exif-secret-owner", "gps-secret-datum", "xmp-secret-note", "Exif", "GPS"]) expect(includes(result.image.bytes, secret)).toBe(false);
    }
  });

  it("refuses a file too small, with its size", async () => {
    expect(problemOf(await prepareImage(await image("jpeg", 199, 400), "avatar"))).toBe("A profile photo must be at least 200 × 200 pixels; this one is 199 × 400.");
    expect(problemOf(await prepareImage(await image("jpeg", 399, 300), "portfolio"))).toBe("A portfolio image must be at least 400 × 300 pixels; this one is 399 × 300.");
    expect(problemOf(await prepareImage(await image("jpeg", 500, 299), "portfolio"))).toBe("A portfolio image must be at least 400 × 300 pixels; this one is 500 × 299.");
  });

  it("refuses a decompression bomb from its header, before decoding it", async () => {
    const bomb = pngHeaderOnly(10_000, 10_000);
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    const started = performance.now();
    expect(problemOf(await prepareImage(bomb, "portfolio"))).toBe("The image is 10,000 × 10,000 pixels; an image can have at most 40 megapixels.");
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("refuses a file over 5 MB before looking inside", async () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect(problemOf(await prepareImage(big, "portfolio"))).toBe("The file is larger than 5 MB; an image can be at most 5 MB. Choose a smaller one.");
    const bigger = new Uint8Array(7.3 * 1024 * 1024);
    expect(problemOf(await prepareImage(bigger, "avatar"))).toBe("The file is 7.3 MB; an image can be at most 5 MB. Choose a smaller one.");
  });

  describe("hostile or wrong files get a sentence, never an exception", () => {
    const cases: [string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
      ["a zero-byte file", () => new Uint8Array(), /^The file is empty\. Choose a JPEG, PNG or WebP image\.$/],
      ["an SVG (scripts and all)", () => ascii(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>`), /^An SVG drawing cannot be used: it is not a JPEG, PNG or WebP image\./],
      ["a GIF", () => image("gif", 400, 400), /^A GIF image cannot be used/],
      ["a PDF renamed .jpg", () => ascii("%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF"), /^A PDF document cannot be used/],
      ["an HTML page", () => ascii("<html><script>fetch('/api')</script></html>"), /^A text or web page file cannot be used/],
      ["random bytes", () => new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251), /^This file cannot be used: it is not a JPEG, PNG or WebP image\./],
      ["a PDF that holds a JPEG (a polyglot that starts as a PDF)", async () => concat(ascii("%PDF-1.7\n"), await image("jpeg", 400, 400)), /^A PDF document cannot be used/],
      ["a JPEG's magic followed by garbage", () => concat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), new Uint8Array(2048).fill(0x41)), /^The image could not be read/],
      ["a PNG's magic followed by a web page", () => concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ascii("<html><script>alert(1)</script>")), /^The image could not be read/],
      ["a WebP's RIFF header and nothing else", () => ascii("RIFF\x10\0\0\0WEBPVP8 "), /^The image could not be read/],
      ["a PNG header whose pixels are missing", () => pngHeaderOnly(800, 600).subarray(0, 40), /^The image could not be read/],
      ["a PNG that claims to be 0 × 0", () => pngHeaderOnly(0, 0), /^The image could not be read/],
    ];
    for (const [name, bytes, sentence] of cases) {
      it(name, async () => {
        expect(problemOf(await prepareImage(await bytes(), "portfolio"))).toMatch(sentence);
        expect(problemOf(await prepareImage(await bytes(), "avatar"))).toMatch(sentence);
      });
    }

    it("a truncated JPEG, PNG or WebP", async () => {
      for (const format of ["jpeg", "png", "webp"] as const) {
        const whole = new Uint8Array(await sharp({ create: { width: 640, height: 480, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 40 } } }).toFormat(format).toBuffer());
        const half = whole.subarray(0, Math.floor(whole.byteLength / 2));
        expect(problemOf(await prepareImage(half, "portfolio")), format).toBe("The image could not be read: the file is damaged or incomplete. Choose a JPEG, PNG or WebP image.");
      }
    });

    it("a JPEG with a web page and a ZIP hidden after it (a polyglot) is stored without them", async () => {
      const polyglot = concat(await image("jpeg", 600, 400), ascii("<html><script>alert('polyglot')</script></html>"), new Uint8Array([0x50, 0x4b, 0x03, 0x04]), ascii("hidden.txt"));
      const result = await prepareImage(polyglot, "portfolio");
      expect(result).toMatchObject({ ok: true, image: { width: 600, height: 400 } });
      if (result.ok) for (const hidden of ["<script", "polyglot", "PK\x03\x04", "hidden.txt"]) expect(includes(result.image.bytes, hidden)).toBe(false);
    });
  });
});

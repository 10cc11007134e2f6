import { crc32 } from "node:zlib";

const text = (value: string) => new TextEncoder().encode(value);

/** A ZIP archive holding `entries` (stored, not compressed), with its central directory: a real file any unzip opens. */
export function makeZip(entries: Record<string, string>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.from(content, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** Small files of each kind an attachment may be, and some it may not (for upload tests). */
export const TEST_FILES = {
  pdf: text("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
  text: text("Meeting notes: the brief, the budget — and a café ☕.\n"),
  gif: new Uint8Array([...text("GIF89a"), 1, 0, 1, 0, 0, 0, 0, 0x3b]),
  docx: makeZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }),
  odt: makeZip({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>" }),
  zip: makeZip({ "readme.txt": "Hello" }),
  /** A Windows program: refused whatever it is called. */
  exe: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00]),
  /** Text with a NUL byte: binary, refused. */
  binaryText: new Uint8Array([...text("looks like text"), 0, ...text("but is not")]),
  /** Not valid UTF-8: refused. */
  latin1: new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe]),
} as const;

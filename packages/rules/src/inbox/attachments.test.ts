import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, SETTING_DEFINITIONS } from "../index";
import { ATTACHMENT_RULES, ATTACHMENT_TEXT, attachmentTooLarge, cleanFileName, formatFileSize } from "./attachments";

describe("cleanFileName", () => {
  it("keeps a plain name with its own extension", () => {
    expect(cleanFileName("Invoice March.pdf", "pdf")).toBe("Invoice March.pdf");
    expect(cleanFileName("photo.JPEG", "jpeg")).toBe("photo.JPEG");
    expect(cleanFileName("notes.md", "text")).toBe("notes.md");
  });

  it("drops the folder the browser sent and path syntax", () => {
    expect(cleanFileName("C:\\Users\\ann\\brief.pdf", "pdf")).toBe("brief.pdf");
    expect(cleanFileName("../../etc/passwd", "text")).toBe("passwd.txt");
    expect(cleanFileName('a"b*c:d<e>f?g|h.pdf', "pdf")).toBe("a_b_c_d_e_f_g_h.pdf");
  });

  it("adds the extension of what the bytes are, so a renamed file downloads as what it is", () => {
    expect(cleanFileName("report.exe", "pdf")).toBe("report.exe.pdf");
    expect(cleanFileName("picture.png", "gif")).toBe("picture.png.gif");
  });

  it("removes control and direction characters, and leading dots", () => {
    expect(cleanFileName("invoice\u202efdp.exe", "zip")).toBe("invoicefdp.exe.zip");
    expect(cleanFileName("a\u0000b\nc.txt", "text")).toBe("abc.txt");
    expect(cleanFileName("...hidden.pdf", "pdf")).toBe("hidden.pdf");
  });

  it("names a file with nothing left 'attachment'", () => {
    expect(cleanFileName("", "png")).toBe("attachment.png");
    expect(cleanFileName("\u202e\u0007", "pdf")).toBe("attachment.pdf");
    expect(cleanFileName(".pdf", "pdf")).toBe("pdf.pdf");
  });

  it("cuts a long name to the limit and keeps its extension", () => {
    const name = cleanFileName(`${"x".repeat(300)}.docx`, "docx");
    expect(name).toHaveLength(ATTACHMENT_RULES.fileNameMax);
    expect(name.endsWith(".docx")).toBe(true);
    const emoji = cleanFileName("😀".repeat(100), "pdf");
    expect(emoji.length).toBeLessThanOrEqual(ATTACHMENT_RULES.fileNameMax);
    expect(emoji.endsWith("😀.pdf")).toBe(true);
  });
});

describe("sizes", () => {
  it("says sizes the way a person reads a limit", () => {
    expect(formatFileSize(10 * 1024 * 1024)).toBe("10 MB");
    expect(formatFileSize(13_107_200)).toBe("12.5 MB");
    expect(formatFileSize(300)).toBe("1 KB");
    expect(attachmentTooLarge(13_107_200, 10 * 1024 * 1024)).toBe("The file is 12.5 MB; an attachment can be at most 10 MB. Choose a smaller one.");
    expect(attachmentTooLarge(10 * 1024 * 1024 + 1, 10 * 1024 * 1024)).toBe("The file is larger than 10 MB; an attachment can be at most 10 MB. Choose a smaller one.");
  });

  it("an admin sets the limit between 100 KB and 25 MB; 10 MB by default", () => {
    const schema = SETTING_DEFINITIONS.attachmentMaxBytes.schema;
    expect(DEFAULT_SETTINGS.attachmentMaxBytes).toBe(10_485_760);
    expect(schema.safeParse(ATTACHMENT_RULES.ceilingBytes).success).toBe(true);
    expect(schema.safeParse(ATTACHMENT_RULES.ceilingBytes + 1).success).toBe(false);
    expect(schema.safeParse(ATTACHMENT_RULES.floorBytes - 1).success).toBe(false);
    expect(schema.safeParse(1.5e6 + 0.5).success).toBe(false);
  });
});

describe("the refusal of a file of the wrong kind", () => {
  it("names what was sent when it is known, and what can be attached", () => {
    expect(ATTACHMENT_TEXT.wrongType("A BMP image")).toMatch(/^A BMP image cannot be attached: attach .*PDF/);
    expect(ATTACHMENT_TEXT.wrongType(null)).toMatch(/^This file cannot be attached: attach /);
  });
});

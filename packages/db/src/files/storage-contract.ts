import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidFileKey, isFileKey, newImageKey, type FileStore } from "./storage";

/**
 * What every FileStore does, as one suite run against each adapter (local-store.test.ts,
 * s3-store.test.ts): a new adapter passes it before it is used. `open` makes a store for the
 * suite (an empty folder, a bucket on a server started for the test); `close` undoes it.
 * `notAtomic` names why a test server cannot show that a replacement is atomic (the adapter
 * relies on its backend for it), and skips that one test.
 */
export function describeFileStoreContract(
  name: string,
  open: () => Promise<{ store: FileStore; close: () => Promise<void> }>,
  options: { notAtomic?: string } = {},
) {
  describe(`${name}: the file store contract`, () => {
    let store: FileStore;
    let close: () => Promise<void> = async () => undefined;
    beforeAll(async () => {
      ({ store, close } = await open());
    });
    afterAll(() => close());

    const bytes = (...values: number[]) => new Uint8Array(values);

    it("gives back what was put, byte for byte, with its content type", async () => {
      const key = newImageKey();
      const every = new Uint8Array(256 * 4).map((_, i) => i % 256);
      await store.put(key, every, "image/webp");
      const stored = await store.get(key);
      expect(stored?.contentType).toBe("image/webp");
      expect(stored?.bytes).toEqual(every);
      expect(stored?.bytes).toBeInstanceOf(Uint8Array);
      expect(await store.exists(key)).toBe(true);
    });

    it("has nothing under a key never put", async () => {
      const key = newImageKey();
      expect(await store.get(key)).toBeNull();
      expect(await store.exists(key)).toBe(false);
      // A key that is a "folder" of other keys is not a file either.
      await store.put("contract/folder/inside.webp", bytes(1), "image/webp");
      expect(await store.get("contract/folder")).toBeNull();
      expect(await store.exists("contract/folder")).toBe(false);
      await store.delete("contract/folder");
      expect(await store.exists("contract/folder/inside.webp")).toBe(true);
    });

    it("replaces a file put again, content type included", async () => {
      const key = newImageKey();
      await store.put(key, bytes(1, 2, 3), "image/png");
      await store.put(key, bytes(9), "image/webp");
      expect(await store.get(key)).toEqual({ bytes: bytes(9), contentType: "image/webp" });
    });

    it("keeps an empty file and a larger one", async () => {
      const empty = newImageKey();
      await store.put(empty, new Uint8Array(), "image/webp");
      expect((await store.get(empty))?.bytes.byteLength).toBe(0);
      const large = newImageKey();
      const megabytes = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 31) % 256);
      await store.put(large, megabytes, "image/webp");
      // Compared as one buffer: an element-by-element toEqual of 3 MB takes seconds.
      expect(Buffer.from((await store.get(large))!.bytes).equals(megabytes)).toBe(true);
    });

    it("deletes, and deleting what is not there is not an error", async () => {
      const key = newImageKey();
      await store.put(key, bytes(7), "image/webp");
      await store.delete(key);
      expect(await store.get(key)).toBeNull();
      expect(await store.exists(key)).toBe(false);
      await expect(store.delete(key)).resolves.toBeUndefined();
      await expect(store.delete(newImageKey())).resolves.toBeUndefined();
    });

    it("keeps files under different keys apart, written at the same time", async () => {
      const keys = Array.from({ length: 12 }, () => newImageKey());
      await Promise.all(keys.map((key, i) => store.put(key, bytes(i, i, i), "image/webp")));
      const stored = await Promise.all(keys.map((key) => store.get(key)));
      expect(stored.map((file) => file?.bytes)).toEqual(keys.map((_, i) => bytes(i, i, i)));
    });

    it.skipIf(options.notAtomic !== undefined)(`gives a reader the old file or the new one while it is replaced, never a part${options.notAtomic ? ` (skipped: ${options.notAtomic})` : ""}`, async () => {
      const key = newImageKey();
      const first = new Uint8Array(512 * 1024).fill(1);
      const second = new Uint8Array(512 * 1024).fill(2);
      await store.put(key, first, "image/webp");
      const reads: Promise<unknown>[] = [];
      const writes = [store.put(key, second, "image/webp"), store.put(key, first, "image/webp"), store.put(key, second, "image/webp")];
      for (let i = 0; i < 6; i++) reads.push(store.get(key));
      await Promise.all(writes);
      for (const read of (await Promise.all(reads)) as ({ bytes: Uint8Array } | null)[]) {
        expect(read).not.toBeNull();
        const value = read!.bytes[0];
        expect(read!.bytes.byteLength).toBe(first.byteLength);
        expect(read!.bytes.every((byte) => byte === value)).toBe(true);
      }
    });

    const BAD_KEYS = [
      "",
      "../escape.webp",
      "images/../../escape.webp",
      "images/./a.webp",
      "/etc/passwd",
      "images//a.webp",
      "images/a.webp/",
      "images\\a.webp",
      "Images/A.webp",
      ".hidden",
      "images/.tmp",
      "images/a..webp",
      "images/a.web p",
      "images/%2e%2e/a.webp",
      "images/a.webp?x=1",
      "images/a.webp#x",
      "images/é.webp",
      "images/a\u0000.webp",
      "a/b/c/d/e.webp",
      `images/${"a".repeat(200)}.webp`,
      "images/a.toolongext",
      "-leading-dash",
    ];

    it("refuses a key that is not an app-made key, before touching anything", async () => {
      for (const key of BAD_KEYS) {
        expect(isFileKey(key), key).toBe(false);
        await expect(store.put(key, bytes(1), "image/webp"), key).rejects.toBeInstanceOf(InvalidFileKey);
        await expect(store.get(key), key).rejects.toBeInstanceOf(InvalidFileKey);
        await expect(store.exists(key), key).rejects.toBeInstanceOf(InvalidFileKey);
        await expect(store.delete(key), key).rejects.toBeInstanceOf(InvalidFileKey);
      }
      for (const key of ["images/0f8fad5b-d9cb-469f-a165-70867728950e.webp", "avatars/u1/photo.webp", "a", "a/b/c/d.png"]) expect(isFileKey(key), key).toBe(true);
    });

    it("refuses a content type that is not a plain media type", async () => {
      for (const type of ["", "webp", "image/webp; charset=utf-8", "text/html\r\nx-evil: 1", "IMAGE/WEBP"]) {
        await expect(store.put(newImageKey(), bytes(1), type), type).rejects.toBeInstanceOf(InvalidFileKey);
      }
    });
  });
}

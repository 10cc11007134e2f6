import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStore, localFilesRoot } from "./local-store";
import { describeFileStoreContract } from "./storage-contract";
import { FileStoreError, newImageKey } from "./storage";

const temporaryRoot = () => mkdtemp(join(tmpdir(), "fairlance-files-"));

describeFileStoreContract("LocalFileStore", async () => {
  const root = await temporaryRoot();
  return { store: new LocalFileStore(root), close: () => rm(root, { recursive: true, force: true }) };
});

describe("LocalFileStore", () => {
  let root: string;
  beforeAll(async () => {
    root = await temporaryRoot();
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("lives in <data root>/files by default", () => {
    const saved = process.env.FAIRLANCE_DATA_DIR;
    process.env.FAIRLANCE_DATA_DIR = "/srv/fairlance-data";
    try {
      expect(localFilesRoot()).toBe("/srv/fairlance-data/files");
      expect(new LocalFileStore().root).toBe("/srv/fairlance-data/files");
    } finally {
      if (saved === undefined) delete process.env.FAIRLANCE_DATA_DIR;
      else process.env.FAIRLANCE_DATA_DIR = saved;
    }
  });

  it("keeps each file at <root>/<key>, and leaves no temporary file behind", async () => {
    const store = new LocalFileStore(root);
    const key = newImageKey();
    await store.put(key, new Uint8Array([1, 2, 3]), "image/webp");
    await store.put(key, new Uint8Array([4, 5]), "image/webp");
    const onDisk = await readFile(join(root, key));
    expect(onDisk.subarray(onDisk.indexOf(0x0a) + 1)).toEqual(Buffer.from([4, 5]));
    expect(await readdir(join(root, "images"))).toEqual([key.slice("images/".length)]);
  });

  it("refuses to read a file it did not write", async () => {
    const store = new LocalFileStore(root);
    await writeFile(join(root, "stray.webp"), "not one of ours");
    await expect(store.get("stray.webp")).rejects.toBeInstanceOf(FileStoreError);
  });

  it("says which key it could not store, and cleans up", async () => {
    const store = new LocalFileStore(root);
    await writeFile(join(root, "blocker"), "a file where a folder should be");
    await expect(store.put("blocker/a.webp", new Uint8Array([1]), "image/webp")).rejects.toThrow("Could not store blocker/a.webp");
  });
});

import { randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, rm, stat, unlink } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { dataRoot } from "../paths";
import { checkContentType, checkFileKey, FileStoreError, type FileStore, type StoredFile } from "./storage";

/** The folder of the local store: `<data root>/files` (FAIRLANCE_DATA_DIR, else `.data`). */
export const localFilesRoot = () => join(dataRoot(), "files");

/**
 * Each file is one file on disk, at `<root>/<key>`: a one-line header naming its content type,
 * then the bytes. One file per key, so a put is atomic: written whole to a temporary file in
 * the same folder (named with a leading dot, which no key has), flushed, then renamed over.
 */
const MAGIC = "fairlance-file 1 ";
const encoder = new TextEncoder();

export class LocalFileStore implements FileStore {
  readonly root: string;

  constructor(root: string = localFilesRoot()) {
    this.root = resolve(root);
  }

  /** The path of a key, which checkFileKey keeps inside the root (checked again here). */
  private pathOf(key: string): string {
    const path = resolve(this.root, checkFileKey(key));
    if (!path.startsWith(this.root + sep)) throw new FileStoreError(`The key "${key}" leads outside the file store.`);
    return path;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const path = this.pathOf(key);
    const header = encoder.encode(`${MAGIC}${checkContentType(contentType)}\n`);
    const temporary = join(dirname(path), `.${randomUUID()}.tmp`);
    try {
      await mkdir(dirname(path), { recursive: true });
      const file = await open(temporary, "wx", 0o644);
      try {
        await file.writeFile(header);
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw new FileStoreError(`Could not store ${key} in ${this.root}.`, { cause: error });
    }
  }

  async get(key: string): Promise<StoredFile | null> {
    const path = this.pathOf(key);
    let stored: Buffer;
    try {
      stored = await readFile(path);
    } catch (error) {
      if (isMissing(error)) return null;
      throw new FileStoreError(`Could not read ${key} from ${this.root}.`, { cause: error });
    }
    const end = stored.indexOf(0x0a);
    const header = end > 0 ? stored.subarray(0, end).toString("utf8") : "";
    if (!header.startsWith(MAGIC)) throw new FileStoreError(`${path} is not a file of this store (its first line is not "${MAGIC.trim()} <type>").`);
    const bytes = stored.subarray(end + 1);
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType: header.slice(MAGIC.length) };
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    try {
      await unlink(path);
    } catch (error) {
      if (!isMissing(error)) throw new FileStoreError(`Could not delete ${key} from ${this.root}.`, { cause: error });
    }
  }

  async exists(key: string): Promise<boolean> {
    const path = this.pathOf(key);
    try {
      return (await stat(path)).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }
}

const isMissing = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // A key below a file (ENOTDIR) or naming a folder (EISDIR) holds no file either.
  return code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR";
};

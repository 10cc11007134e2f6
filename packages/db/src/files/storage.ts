import { randomUUID } from "node:crypto";

/**
 * Where uploaded files are kept: a port with two adapters, the local disk (local-store.ts, the
 * default) and any S3-compatible object store (s3-store.ts). `fileStore()` (index.ts) gives the
 * configured one. Every adapter passes the same contract (storage-contract.ts).
 *
 * Keys are made by the app (`newImageKey()`), never from what a person sends: a key names a
 * file inside the store and nothing else, so each method refuses a key that is not one
 * (`isFileKey`), whatever the adapter.
 */
export interface FileStore {
  /** Stores `bytes` under `key`, replacing what was there. A reader sees the old file or the new one, never a part. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file and its content type, or null when there is none under `key`. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the file; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export interface StoredFile {
  bytes: Uint8Array;
  contentType: string;
}

/** Longest key: far more than `images/<uuid>.webp` (48 characters). */
export const MAX_FILE_KEY_LENGTH = 200;

/**
 * A key: 1 to 4 segments separated by "/", each lower-case letters, digits, "-" and "_" and
 * starting with a letter or digit, the last one with an optional extension (".webp"). So no
 * "..", no ".", no leading "/", no "\", no empty segment, no upper case, no other character.
 */
const FILE_KEY = /^[a-z0-9][a-z0-9_-]*(?:\/[a-z0-9][a-z0-9_-]*){0,3}(?:\.[a-z0-9]{1,8})?$/;

export const isFileKey = (key: unknown): key is string => typeof key === "string" && key.length <= MAX_FILE_KEY_LENGTH && FILE_KEY.test(key);

/** A key or a content type that the app should never have made: a bug, not a person's mistake. */
export class InvalidFileKey extends Error {
  constructor(what: string) {
    super(what);
    this.name = "InvalidFileKey";
  }
}

/** Throws InvalidFileKey unless `key` is a file key. */
export function checkFileKey(key: string): string {
  if (!isFileKey(key)) throw new InvalidFileKey(`${JSON.stringify(String(key).slice(0, 100))} is not a file key (1 to 4 "/"-separated segments of a-z, 0-9, "-" and "_", an optional extension).`);
  return key;
}

const CONTENT_TYPE = /^[a-z]+\/[a-z0-9][a-z0-9.+-]{0,100}$/;

/** Throws InvalidFileKey unless `type` is a plain media type ("image/webp"), without parameters. */
export function checkContentType(type: string): string {
  if (!CONTENT_TYPE.test(type)) throw new InvalidFileKey(`${JSON.stringify(String(type).slice(0, 100))} is not a media type such as "image/webp".`);
  return type;
}

/** A new key for an image: `images/<random uuid>.webp`, unique, so its content never changes. */
export const newImageKey = () => `images/${randomUUID()}.webp`;

/**
 * A new key for an attachment: `attachments/<random uuid>`. Attachments are private: /files never
 * serves them (isPrivateFileKey); they are downloaded through signed links that the parties get.
 */
export const newAttachmentKey = () => `attachments/${randomUUID()}`;

/** Keys the public /files route must not serve: attachments, which only the parties may download. */
export const isPrivateFileKey = (key: string) => key === "attachments" || key.startsWith("attachments/");

/** A store's failure to do what it was asked (a network error, a refusal): a server problem, logged, never shown. */
export class FileStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "FileStoreError";
  }
}

import { z } from "zod";
import { DomainError } from "../../errors";
import { fileStore, newImageKey, prepareImage, type FileStore, type ImagePurpose } from "../../files";

/** The uploaded file's bytes, as the web app's upload edge hands them over (apps/web/server/uploads.ts). */
export const ImageBytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: "Choose an image to upload." });

/** Where the operations keep images: the configured store unless a test gives its own. */
export interface ImageDeps {
  store?: FileStore;
}

/**
 * Checks an upload and stores the image under a fresh key (economy.md §10.7), before the
 * transaction that points the profile at it: a file the rules refuse is INVALID_REQUEST with
 * their sentence, on the `image` field, and nothing is stored.
 */
export async function storeImage(store: FileStore, bytes: Uint8Array, purpose: ImagePurpose): Promise<string> {
  const prepared = await prepareImage(bytes, purpose);
  if (!prepared.ok) throw new DomainError("INVALID_REQUEST", prepared.problem, { issues: [{ path: "image", message: prepared.problem }] });
  const key = newImageKey();
  await store.put(key, prepared.image.bytes, prepared.image.contentType);
  return key;
}

/**
 * Removes files nothing points at any more, once the transaction that let go of them has
 * committed (a rolled-back change still points at its file). A file that cannot be removed is
 * left behind: it is unreachable, and keeping the change matters more than tidying.
 */
export async function discardImages(store: FileStore, keys: readonly (string | null | undefined)[]): Promise<void> {
  await Promise.all(keys.filter((key): key is string => !!key).map((key) => store.delete(key).catch(() => undefined)));
}

/**
 * Runs `change` (the transaction that points the profile at `newKey`) and afterwards removes the
 * file it replaced; if the change fails, the new file is removed instead.
 */
export async function withNewImage<T extends { replacedKey: string | null }>(store: FileStore, newKey: string, change: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await change();
  } catch (error) {
    await discardImages(store, [newKey]);
    throw error;
  }
  await discardImages(store, [result.replacedKey]);
  return result;
}

export const storeOf = (deps: ImageDeps) => deps.store ?? fileStore();

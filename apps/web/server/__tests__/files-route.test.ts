import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileStoreError, LocalFileStore, newImageKey, prepareImage, setFileStoreForTests, type FileStore } from "@fairlance/db/files";
import { imageHeader, makeTestImage } from "@fairlance/db/testing";
import { GET } from "../../app/files/[...key]/route";
import { config as proxyConfig } from "../../proxy";
import { serveFile } from "../files";

const get = (path: string) => {
  const segments = path.replace(/^\/files\//, "").split("/").map(decodeURIComponent);
  return GET(new Request(`http://localhost:3000${path}`), { params: Promise.resolve({ key: segments }) });
};

describe("GET /files/<key>", () => {
  let root: string;
  let store: LocalFileStore;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "fairlance-files-route-"));
    store = new LocalFileStore(root);
    setFileStoreForTests(store);
  });
  afterAll(async () => {
    setFileStoreForTests(undefined);
    await rm(root, { recursive: true, force: true });
  });

  it("serves a stored image as it was prepared, with its type, no sniffing, a sandbox and a year of immutable caching", async () => {
    const prepared = await prepareImage(await makeTestImage({ format: "jpeg", width: 640, height: 480 }), "portfolio");
    if (!prepared.ok) throw new Error(prepared.problem);
    const key = newImageKey();
    await store.put(key, prepared.image.bytes, prepared.image.contentType);

    const response = await get(`/files/${key}`);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/webp",
      "content-length": String(prepared.image.bytes.byteLength),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cross-origin-resource-policy": "same-origin",
      "cache-control": "public, max-age=31536000, immutable",
    });
    const served = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(served).equals(prepared.image.bytes)).toBe(true);
    expect(await imageHeader(served)).toEqual({ format: "webp", width: 640, height: 480 });
  });

  it("answers 404 with a sentence for a key that names nothing, not cached", async () => {
    const response = await get(`/files/${newImageKey()}`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("There is no file at this address.");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers 404 for a path that is not a key, without asking the store", async () => {
    const asked: string[] = [];
    const spy: FileStore = { get: async (key) => (asked.push(key), null), put: async () => undefined, delete: async () => undefined, exists: async () => false };
    for (const segments of [["..", "..", "etc", "passwd"], ["images", "..", "secret"], ["images", "A.WEBP"], ["images", "a b.webp"], ["images", ""], [".data", "nextauth-secret"], ["images", "a.webp\u0000"], ["images", "..%2fx"]]) {
      const response = await serveFile(spy, segments);
      expect(response.status, segments.join("/")).toBe(404);
      expect(await response.text()).toBe("There is no file at this address.");
    }
    expect(asked).toEqual([]);
  });

  it("never serves what the store holds as a page: a non-image type is a download", async () => {
    const key = "images/page.html";
    await store.put(key, new TextEncoder().encode("<script>alert(1)</script>"), "text/html");
    const response = await get(`/files/${key}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toBe("attachment");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
  });

  it("answers a store's failure with a 500 and a sentence, and logs it", async () => {
    const failing: FileStore = { get: async () => { throw new FileStoreError("The file store at http://s3 answered 403 (AccessDenied) to GET x."); }, put: async () => undefined, delete: async () => undefined, exists: async () => false };
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const response = await serveFile(failing, ["images", "a.webp"]);
      expect(response.status).toBe(500);
      expect(await response.text()).toBe("The file could not be read. Please try again.");
    } finally {
      console.error = original;
    }
    expect(String((logged[0] as unknown[])[0])).toBe("[files] images/a.webp:");
  });

  it("is left alone by the pages' proxy, which would put the pages' policy on it", () => {
    const [matcher] = proxyConfig.matcher;
    const matches = (path: string) => new RegExp(`^${matcher}$`).test(path);
    expect(matches("/files/images/a.webp")).toBe(false);
    expect(matches("/api/trpc/me.get")).toBe(false);
    expect(matches("/freelancer/profile")).toBe(true);
    expect(matches("/filesystem")).toBe(true);
  });
});

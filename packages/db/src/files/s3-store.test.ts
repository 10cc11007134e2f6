import S3rver from "@20minutes/s3rver";
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3FileStore, type S3StoreOptions } from "./s3-store";
import { describeFileStoreContract } from "./storage-contract";
import { FileStoreError, newImageKey } from "./storage";

/**
 * The S3 adapter against a real S3-compatible server started in this process: s3rver (the
 * maintained @20minutes fork, pure JavaScript, files in a temporary folder). It checks AWS
 * Signature V4 on every signed request (its account is S3RVER / S3RVER) and answers with S3's
 * status codes and XML errors.
 */
async function startS3() {
  const directory = await mkdtemp(join(tmpdir(), "fairlance-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, directory, silent: true, configureBuckets: [{ name: "fairlance-test" }] });
  const { port } = await server.run();
  const requests: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];
  // Every request's line and headers as they arrived (not the body: reading it here would take it from s3rver).
  server.httpServer.prependListener("request", (req) => requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers }));
  const options: S3StoreOptions = {
    endpoint: `http://127.0.0.1:${port}`,
    region: "us-east-1",
    bucket: "fairlance-test",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  };
  return {
    options,
    requests,
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

describeFileStoreContract(
  "S3FileStore (s3rver)",
  async () => {
    const s3 = await startS3();
    return { store: new S3FileStore(s3.options), close: s3.close };
  },
  // S3, MinIO and R2 replace an object atomically (a PUT is all or nothing); s3rver writes its file in place.
  { notAtomic: "s3rver writes an object's file in place; S3, MinIO and R2 replace objects atomically" },
);

describe("S3FileStore", () => {
  let s3: Awaited<ReturnType<typeof startS3>>;
  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(() => s3.close());

  it("signs each request with AWS Signature V4, the payload's SHA-256 included", async () => {
    const store = new S3FileStore(s3.options);
    const key = newImageKey();
    const body = new Uint8Array([82, 73, 70, 70, 0, 1, 2, 3]);
    s3.requests.length = 0;
    await store.put(key, body, "image/webp");
    await store.get(key);
    await store.exists(key);
    await store.delete(key);
    expect(s3.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["PUT", "GET", "HEAD", "DELETE"].map((method) => `${method} /fairlance-test/${key}`));
    const put = s3.requests[0]!;
    expect(put.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=S3RVER\/\d{8}\/us-east-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]*host;x-amz-content-sha256;x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}$/);
    expect(put.headers["x-amz-content-sha256"]).toBe(createHash("sha256").update(body).digest("hex"));
    expect(put.headers["content-type"]).toBe("image/webp");
  });

  it("is refused by the server when its secret is wrong (the server checks the signature)", async () => {
    const store = new S3FileStore({ ...s3.options, secretAccessKey: "not-the-secret" });
    await expect(store.put(newImageKey(), new Uint8Array([1]), "image/webp")).rejects.toThrow(/answered 403 \(SignatureDoesNotMatch\) to PUT images\//);
    await expect(store.get(newImageKey())).rejects.toBeInstanceOf(FileStoreError);
    const unknown = new S3FileStore({ ...s3.options, accessKeyId: "NOBODY" });
    await expect(unknown.exists(newImageKey())).rejects.toThrow(/answered 403 to HEAD/);
  });

  it("says so when the bucket does not exist", async () => {
    const store = new S3FileStore({ ...s3.options, bucket: "no-such-bucket" });
    await expect(store.put(newImageKey(), new Uint8Array([1]), "image/webp")).rejects.toThrow(/answered 404 \(NoSuchBucket\) to PUT/);
  });

  it("says so when the server does not answer", async () => {
    const store = new S3FileStore({ ...s3.options, endpoint: "http://127.0.0.1:1" });
    await expect(store.get(newImageKey())).rejects.toThrow("The file store at http://127.0.0.1:1 did not answer GET images/");
  });

  it("addresses objects path-style (MinIO) or virtual-hosted (AWS, R2)", () => {
    const common = { region: "eu-west-3", accessKeyId: "a", secretAccessKey: "b" };
    const aws = new S3FileStore({ ...common, endpoint: "https://s3.eu-west-3.amazonaws.com", bucket: "fl-images", forcePathStyle: false });
    expect(aws.urlOf("images/a.webp").href).toBe("https://fl-images.s3.eu-west-3.amazonaws.com/images/a.webp");
    const minio = new S3FileStore({ ...common, endpoint: "http://minio.internal:9000/", bucket: "fl-images", forcePathStyle: true });
    expect(minio.urlOf("images/a.webp").href).toBe("http://minio.internal:9000/fl-images/images/a.webp");
    const prefixed = new S3FileStore({ ...common, endpoint: "https://gateway.example/storage", bucket: "fl-images", forcePathStyle: true });
    expect(prefixed.urlOf("a/b.webp").href).toBe("https://gateway.example/storage/fl-images/a/b.webp");
  });
});

import { AwsClient } from "aws4fetch";
import { createHash } from "node:crypto";
import { checkContentType, checkFileKey, FileStoreError, type FileStore, type StoredFile } from "./storage";

/** Where an S3-compatible store is and how to sign for it (README, "Configuration": the S3_* variables). */
export interface S3StoreOptions {
  /** The service's URL without the bucket: `https://s3.eu-west-3.amazonaws.com`, `http://minio.internal:9000`, `https://<account>.r2.cloudflarestorage.com`. */
  endpoint: string;
  /** The signing region: the bucket's AWS region; `auto` for R2; any (`us-east-1`) for MinIO. */
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` (MinIO, most self-hosted stores) instead of `bucket.endpoint/key`. */
  forcePathStyle: boolean;
  /** How long one request may take, retries included. */
  timeoutMs?: number;
}

/**
 * The file store on any S3-compatible object store (AWS S3, MinIO, Cloudflare R2, …), over
 * fetch, each request signed with AWS Signature Version 4 by aws4fetch (a PUT's payload
 * SHA-256 included). It uses four plain object calls: PutObject, GetObject, DeleteObject, HeadObject.
 * Server errors (5xx) and throttling (429) are tried again twice.
 */
export class S3FileStore implements FileStore {
  private readonly client: AwsClient;
  private readonly base: URL;

  constructor(private readonly options: S3StoreOptions) {
    this.client = new AwsClient({ accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey, service: "s3", region: options.region, retries: 2 });
    const endpoint = new URL(options.endpoint);
    if (options.forcePathStyle) {
      endpoint.pathname = `${endpoint.pathname.replace(/\/+$/, "")}/${encodeURIComponent(options.bucket)}/`;
    } else {
      endpoint.hostname = `${options.bucket}.${endpoint.hostname}`;
      endpoint.pathname = `${endpoint.pathname.replace(/\/+$/, "")}/`;
    }
    this.base = endpoint;
  }

  /** The object's URL: path-style `endpoint/bucket/key` or virtual-hosted `bucket.endpoint/key`. */
  urlOf(key: string): URL {
    return new URL(checkFileKey(key), this.base);
  }

  private async send(method: string, key: string, init: { body?: Uint8Array; headers?: Record<string, string> } = {}): Promise<Response> {
    const url = this.urlOf(key);
    try {
      // A Uint8Array is a valid body; the DOM typings (the web app compiles this too) want an ArrayBuffer-backed one.
      return await this.client.fetch(url, { method, body: init.body as Uint8Array<ArrayBuffer> | undefined, headers: init.headers, signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000) });
    } catch (error) {
      throw new FileStoreError(`The file store at ${this.base.origin} did not answer ${method} ${key}.`, { cause: error });
    }
  }

  private async failure(response: Response, method: string, key: string): Promise<FileStoreError> {
    const text = method === "HEAD" ? "" : await response.text().catch(() => "");
    const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1];
    return new FileStoreError(`The file store at ${this.base.origin} answered ${response.status}${code ? ` (${code})` : ""} to ${method} ${key}.`);
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    // The payload's hash is signed (aws4fetch would send UNSIGNED-PAYLOAD to S3): the store refuses a body changed on the way.
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const response = await this.send("PUT", key, { body: bytes, headers: { "content-type": checkContentType(contentType), "x-amz-content-sha256": sha256 } });
    if (!response.ok) throw await this.failure(response, "PUT", key);
    await response.body?.cancel();
  }

  async get(key: string): Promise<StoredFile | null> {
    const response = await this.send("GET", key);
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) throw await this.failure(response, "GET", key);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { bytes, contentType: response.headers.get("content-type") ?? "application/octet-stream" };
  }

  async delete(key: string): Promise<void> {
    const response = await this.send("DELETE", key);
    // S3 answers 204 whether or not the object was there; some stores answer 404 for a missing one.
    if (!response.ok && response.status !== 404) throw await this.failure(response, "DELETE", key);
    await response.body?.cancel();
  }

  async exists(key: string): Promise<boolean> {
    const response = await this.send("HEAD", key);
    await response.body?.cancel();
    if (response.status === 404) return false;
    if (!response.ok) throw await this.failure(response, "HEAD", key);
    return true;
  }
}

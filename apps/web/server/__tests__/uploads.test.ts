import { createTRPCClient, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import { describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@fairlance/db";
import { MAX_IMAGE_BYTES } from "@fairlance/db/files";
import { makeTestImage } from "@fairlance/db/testing";
import { createTrpcHandler, MAX_UPLOAD_BODY_BYTES } from "@/server/http";
import { apiLink } from "@/trpc/links";
import { readableZodError } from "../errors";
import { uploadInput } from "../uploads";
import type { uploadTestRouter } from "./upload-test-router";

// The app's router plus one upload procedure that exists only here (upload-test-router.ts).
vi.mock(import("../root"), async (importOriginal) => {
  const original = await importOriginal();
  const { router } = await import("../trpc");
  const { uploadTestRouter } = await import("./upload-test-router");
  return { ...original, appRouter: router({ ...original.appRouter._def.record, ...uploadTestRouter._def.record }) as unknown as typeof original.appRouter };
});

const ORIGIN = "http://fairlance.test";
const handler = createTrpcHandler({ resolveSession: async () => null, getPrisma: () => ({}) as PrismaClient, now: async () => new Date("2027-01-04T10:00:00Z"), publicUrl: ORIGIN, trustedProxyHops: 0 });
/** The app's own client, its links included, talking to the handler in-process. */
const client = createTRPCClient<typeof uploadTestRouter>({
  links: [apiLink({ url: `${ORIGIN}/api/trpc`, fetch: (url, init) => handler(new Request(url, { ...(init as RequestInit), headers: { ...(init?.headers as Record<string, string>), origin: ORIGIN } })) }) as never],
});

const form = (fields: Record<string, string | Blob | (string | Blob)[]>) => {
  const data = new FormData();
  for (const [name, values] of Object.entries(fields)) {
    for (const value of [values].flat()) {
      if (typeof value === "string") data.append(name, value);
      else data.append(name, value, "photo.jpg");
    }
  }
  return data;
};
const jpeg = async (width = 600, height = 400) => new Blob([(await makeTestImage({ format: "jpeg", width, height })) as Uint8Array<ArrayBuffer>], { type: "image/jpeg" });

/** A refusal as the app's client reads it: message, code and fieldErrors. */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  const { message, data } = error as { message: string; data: { httpStatus: number; fieldErrors: Record<string, string[]> | null } };
  return { message, status: data.httpStatus, fieldErrors: data.fieldErrors };
}

/** A raw request to the endpoint and its refusal, decoded. */
async function post(path: string, init: RequestInit & { query?: string }) {
  const response = await handler(new Request(`${ORIGIN}/api/trpc/${path}${init.query ? `?${init.query}` : ""}`, { method: "POST", ...init, headers: { origin: ORIGIN, ...(init.headers as Record<string, string>) } }));
  const body = JSON.parse(await response.text()) as { error?: unknown } | { error?: unknown }[];
  const error = superjson.deserialize<{ message: string }>((Array.isArray(body) ? body[0] : body)!.error as never);
  return { status: response.status, message: error?.message };
}

describe("an upload through the app's client", () => {
  it("sends a FormData as multipart/form-data, alone, and the procedure gets the file's bytes and its text fields", async () => {
    const photo = await jpeg(600, 400);
    const result = await client.uploadTest.avatar.mutate(form({ file: photo, caption: "Me at work" }));
    expect(result).toEqual({ name: "photo.jpg", declaredType: "image/jpeg", received: photo.size, caption: "Me at work", stored: { contentType: "image/webp", width: 400, height: 400 } });
  });

  it("answers a bad file with the image check's sentence, never a 500", async () => {
    const svg = new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], { type: "image/jpeg" });
    expect(await refusal(client.uploadTest.avatar.mutate(form({ file: svg })))).toMatchObject({ status: 400, message: "An SVG drawing cannot be used: it is not a JPEG, PNG or WebP image. Choose a JPEG, PNG or WebP image." });
    expect(await refusal(client.uploadTest.avatar.mutate(form({ file: new Blob([]) })))).toMatchObject({ status: 400, message: "The file is empty. Choose a JPEG, PNG or WebP image." });
    const small = await jpeg(120, 120);
    expect(await refusal(client.uploadTest.avatar.mutate(form({ file: small })))).toMatchObject({ status: 400, message: "A profile photo must be at least 200 × 200 pixels; this one is 120 × 120." });
  });

  it("refuses a form without its file, with a field nobody declares, with a field twice or with a control character, naming the field", async () => {
    expect(await refusal(client.uploadTest.avatar.mutate(form({ caption: "no file" })))).toEqual({ status: 400, message: "Choose a file to upload.", fieldErrors: { file: ["Choose a file to upload."] } });
    expect(await refusal(client.uploadTest.avatar.mutate(form({ file: "not a file" })))).toMatchObject({ status: 400, message: 'The field "file" must be a file, not text.' });
    expect(await refusal(client.uploadTest.avatar.mutate(form({ file: await jpeg(), role: "ADMIN" })))).toMatchObject({ status: 400, message: '"role" is not a field you can set. Nothing was changed.' });
    expect(await refusal(client.uploadTest.avatar.mutate(form({ file: [await jpeg(), await jpeg()] })))).toMatchObject({ status: 400, message: 'The field "file" is sent more than once; send it once.' });
    expect(await refusal(client.uploadTest.avatar.mutate(form({ file: await jpeg(), caption: "a\u0000b" })))).toMatchObject({ status: 400, message: expect.stringMatching(/^The field "caption" contains a control character \(U\+0000\)/) });
    expect(await refusal(client.uploadTest.avatar.mutate(form({ file: await jpeg(), caption: "x".repeat(101) })))).toMatchObject({ status: 400, message: "A caption can be at most 100 characters." });
  });
});

describe("the API edge takes an upload", () => {
  const multipart = (boundary = "fairlance") => ({ "content-type": `multipart/form-data; boundary=${boundary}` });

  it("refuses a body announced over the limit before reading any of it", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 65_536;
        controller.enqueue(new Uint8Array(65_536));
      },
    });
    const reply = await post("uploadTest.avatar", { body, duplex: "half", headers: { ...multipart(), "content-length": String(MAX_UPLOAD_BODY_BYTES + 1) } } as RequestInit);
    expect(reply).toEqual({ status: 413, message: "The upload is larger than the 5 MB limit: choose a smaller file." });
    expect(pulled).toBeLessThanOrEqual(65_536);
  });

  it("stops reading a body that passes the limit without saying its length, never holding it whole", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 65_536;
        if (pulled > 200 * 1024 * 1024) controller.close();
        else controller.enqueue(new Uint8Array(65_536));
      },
    });
    const reply = await post("uploadTest.avatar", { body, duplex: "half", headers: multipart() } as RequestInit);
    expect(reply).toEqual({ status: 413, message: "The upload is larger than the 5 MB limit: choose a smaller file." });
    expect(pulled).toBeGreaterThan(MAX_IMAGE_BYTES);
    expect(pulled).toBeLessThan(MAX_UPLOAD_BODY_BYTES + 4 * 65_536);
  });

  it("refuses a file over 5 MB in a body within the cap, by the input's check", async () => {
    const big = new Blob([new Uint8Array(MAX_IMAGE_BYTES + 1)]);
    expect(await refusal(client.uploadTest.avatar.mutate(form({ file: big })))).toEqual({ status: 400, message: "The file is larger than 5 MB; an image can be at most 5 MB. Choose a smaller one.", fieldErrors: { file: ["The file is larger than 5 MB; an image can be at most 5 MB. Choose a smaller one."] } });
  });

  it("refuses a body that is not a multipart form", async () => {
    expect(await post("uploadTest.avatar", { body: "this is not multipart", headers: multipart() })).toEqual({ status: 400, message: "The upload is not a valid multipart/form-data body. Send the file from the app's form." });
    expect(await post("uploadTest.avatar", { body: "--other\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx\r\n--other--\r\n", headers: multipart("fairlance") })).toMatchObject({ status: 400 });
  });

  it("only for upload procedures, only alone, and only from this site", async () => {
    const body = () => form({ file: new Blob(["x"]) });
    expect(await post("payout.addMethod", { body: body() })).toEqual({ status: 415, message: "The API accepts JSON only: send the body as application/json, not multipart/form-data." });
    expect(await post("uploadTest.avatar,payout.addMethod", { body: body(), query: "batch=1" })).toEqual({ status: 400, message: "An upload is sent on its own, not in a batch." });
    expect(await post("uploadTest.avatar,uploadTest.avatar", { body: body(), query: "batch=1" })).toEqual({ status: 400, message: "An upload is sent on its own, not in a batch." });
    expect(await post("uploadTest.avatar", { body: body(), headers: { origin: "https://evil.example" } })).toMatchObject({ status: 403, message: expect.stringMatching(/^Cross-site requests are refused/) });
    expect(await post("uploadTest.avatar", { body: JSON.stringify({ json: {} }), headers: { "content-type": "application/json" } })).toEqual({ status: 415, message: '"uploadTest.avatar" takes a file: send it as multipart/form-data, the way the app\'s client sends a FormData.' });
  });
});

describe("uploadInput", () => {
  const schema = uploadInput({});

  it("refuses a plain object by its undeclared fields, as every input does (strict-inputs.test.ts)", async () => {
    const result = await schema.safeParseAsync({ notAFieldAnyoneDeclares: true });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.code)).toContain("unrecognized_keys");
  });

  it("refuses a field named __proto__ as an undeclared field, without touching any prototype", async () => {
    const data = form({ file: new Blob(["x"]) });
    data.append("__proto__", "polluted");
    const result = await schema.safeParseAsync(data);
    expect(result.success).toBe(false);
    expect(readableZodError(result.error!)).toBe('"__proto__" is not a field you can set. Nothing was changed.');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

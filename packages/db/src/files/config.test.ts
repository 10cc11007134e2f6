import { describe, expect, it } from "vitest";
import { dbEnvSpec, envProblems } from "../env";
import { fileStore, fileStoreConfig, fileStoreProblems, setFileStoreForTests } from "./config";
import { LocalFileStore } from "./local-store";

const S3 = {
  FAIRLANCE_FILE_STORE: "s3",
  S3_ENDPOINT: "http://minio.internal:9000",
  S3_BUCKET: "fairlance-files",
  S3_ACCESS_KEY_ID: "fairlance",
  S3_SECRET_ACCESS_KEY: "a-long-secret",
};

describe("the file store's configuration", () => {
  it("is the local folder unless FAIRLANCE_FILE_STORE says s3", () => {
    expect(fileStoreConfig({})).toEqual({ kind: "local" });
    expect(fileStoreConfig({ FAIRLANCE_FILE_STORE: "local", S3_BUCKET: "ignored" })).toEqual({ kind: "local" });
  });

  it("reads the S3 settings, with their defaults", () => {
    expect(fileStoreConfig(S3)).toEqual({
      kind: "s3",
      options: { endpoint: "http://minio.internal:9000", region: "us-east-1", bucket: "fairlance-files", accessKeyId: "fairlance", secretAccessKey: "a-long-secret", forcePathStyle: false },
    });
    expect(fileStoreConfig({ ...S3, S3_REGION: "auto", S3_FORCE_PATH_STYLE: "1" })).toMatchObject({ options: { region: "auto", forcePathStyle: true } });
  });

  it("names each S3 setting that s3 needs and that is missing", () => {
    expect(fileStoreProblems({ FAIRLANCE_FILE_STORE: "s3", S3_ENDPOINT: "https://s3.eu-west-3.amazonaws.com", S3_SECRET_ACCESS_KEY: " " })).toEqual([
      'FAIRLANCE_FILE_STORE is "s3", so S3_BUCKET must be set too (README, "Files and images").',
      'FAIRLANCE_FILE_STORE is "s3", so S3_ACCESS_KEY_ID must be set too (README, "Files and images").',
      'FAIRLANCE_FILE_STORE is "s3", so S3_SECRET_ACCESS_KEY must be set too (README, "Files and images").',
    ]);
    expect(fileStoreProblems(S3)).toEqual([]);
    expect(fileStoreProblems({})).toEqual([]);
  });

  it("refuses a value a variable cannot take, naming it", () => {
    expect(envProblems(dbEnvSpec, { FAIRLANCE_FILE_STORE: "disk", S3_ENDPOINT: "minio:9000", S3_REGION: "EU West", S3_BUCKET: "My_Bucket", S3_FORCE_PATH_STYLE: "yes" })).toEqual([
      'FAIRLANCE_FILE_STORE must be one of "local", "s3"; it is "disk".',
      'S3_ENDPOINT must be a URL starting with https:// or http://; it is "minio:9000".',
      'S3_REGION must be a region name such as "eu-west-3" or "auto" (lower-case letters, digits and "-"); it is "EU West".',
      'S3_BUCKET must be a bucket name: 3 to 63 lower-case letters, digits, "." and "-"; it is "My_Bucket".',
      'S3_FORCE_PATH_STYLE must be one of "1", "0"; it is "yes".',
    ]);
  });

  it("gives one store per process, which tests may replace", () => {
    setFileStoreForTests(undefined);
    const store = fileStore();
    expect(store).toBeInstanceOf(LocalFileStore);
    expect(fileStore()).toBe(store);
    const other = new LocalFileStore("/tmp/elsewhere");
    setFileStoreForTests(other);
    expect(fileStore()).toBe(other);
    setFileStoreForTests(undefined);
  });
});

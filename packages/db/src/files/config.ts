import { dbEnvSpec, EnvError, readVariable } from "../env";
import type { EnvValues, Variable } from "../env/define";
import { LocalFileStore } from "./local-store";
import { S3FileStore, type S3StoreOptions } from "./s3-store";
import type { FileStore } from "./storage";

type Source = Readonly<Record<string, string | undefined>>;

/** Which store the configuration names, with its settings. Each variable is valid on its own (env.ts); this checks they go together. */
export type FileStoreConfig = { kind: "local" } | { kind: "s3"; options: S3StoreOptions };

const S3_REQUIRED = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

/** The configured file store's settings, or an EnvError naming each missing S3_* variable. */
export function fileStoreConfig(source: Source = process.env): FileStoreConfig {
  type Values = EnvValues<typeof dbEnvSpec>;
  const read = <K extends keyof Values>(name: K) => readVariable(name, dbEnvSpec[name] as Variable<Values[K]>, source);
  if (read("FAIRLANCE_FILE_STORE") !== "s3") return { kind: "local" };
  const missing = S3_REQUIRED.filter((name) => read(name) === undefined);
  if (missing.length > 0) {
    throw new EnvError(missing.map((name) => `FAIRLANCE_FILE_STORE is "s3", so ${name} must be set too (README, "Files and images").`));
  }
  return {
    kind: "s3",
    options: {
      endpoint: read("S3_ENDPOINT")!,
      region: read("S3_REGION")!,
      bucket: read("S3_BUCKET")!,
      accessKeyId: read("S3_ACCESS_KEY_ID")!,
      secretAccessKey: read("S3_SECRET_ACCESS_KEY")!,
      forcePathStyle: read("S3_FORCE_PATH_STYLE") === "1",
    },
  };
}

/** What is wrong with the file store's configuration, one sentence each (the web server's start-up checks). */
export function fileStoreProblems(source: Source = process.env): string[] {
  try {
    fileStoreConfig(source);
    return [];
  } catch (error) {
    return error instanceof EnvError ? [...error.problems] : [String(error)];
  }
}

let configured: FileStore | undefined;

/**
 * The file store the configuration names (FAIRLANCE_FILE_STORE): the local folder
 * `<data root>/files` by default, or the S3-compatible bucket of the S3_* settings. Made once
 * per process.
 */
export function fileStore(): FileStore {
  if (configured) return configured;
  const config = fileStoreConfig();
  configured = config.kind === "s3" ? new S3FileStore(config.options) : new LocalFileStore();
  return configured;
}

/** Tests: forget the store made from the configuration, or use `store` instead of it. */
export function setFileStoreForTests(store: FileStore | undefined) {
  configured = store;
}

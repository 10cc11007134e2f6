import { defineConfig } from "prisma/config";
import { dbEnv } from "./src/env";

// The CLI is only used offline for `prisma generate` (see scripts/generate.mjs).
// Migrations are applied by src/migrate; the URL below matters only where a
// native Prisma engine exists (e.g. `prisma migrate status` on a dev laptop).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: dbEnv.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:54320/fairlance",
  },
});

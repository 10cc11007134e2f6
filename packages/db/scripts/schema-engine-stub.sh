#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded
# offline. `prisma generate` only checks that it exists; migrations are made
# with the wasm engine (src/cli/make-migration.ts) and applied by src/migrate.
echo "schema engine stub: use pnpm db:migration / pnpm db:migrate instead" >&2
exit 1

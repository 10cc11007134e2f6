import "server-only";

// The web app's configuration for server code (the schema: ../env.ts). Not for the browser:
// client components read lib/public-env.ts.
export { env } from "../env";

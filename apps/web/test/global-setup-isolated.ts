import { createGlobalSetup } from "@fairlance/db/testing/global-setup";

// The "isolated" project's own cluster and template database (vitest.config.ts).
export default createGlobalSetup("web-isolated");

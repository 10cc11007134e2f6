// What the vitest globalSetup (global-setup.ts) provides to the test files, read by freshDatabase().
declare module "vitest" {
  export interface ProvidedContext {
    /** Maintenance URL of the test server; databases are created on it. */
    testServerUrl: string;
    /** A migrated, empty database that test databases are copied from. */
    testTemplateDatabase: string;
  }
}

export {};

import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import nextPlugin from "@next/eslint-plugin-next";
import globals from "globals";

/** What the web app may not import (the database only through @fairlance/db's services and read models). */
const WEB_IMPORTS = {
  paths: [
    { name: "@fairlance/db/client", message: "Use a service (@fairlance/db/services) or a read model (@fairlance/db/read); only server/db.ts holds the client." },
    { name: "pg", message: "The web app does not talk to PostgreSQL directly." },
  ],
  patterns: [{ group: ["@prisma/*", "**/generated/prisma/**"], message: "The web app does not import Prisma; use @fairlance/db." }],
};

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/.next-*/**",
      "**/dist/**",
      "**/coverage/**",
      "**/generated/**",
      "**/.data/**",
      "**/next-env.d.ts",
      "**/test-results/**",
      "**/playwright-report/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": "off",
    },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
    },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    ignores: ["apps/web/server/db.ts", "apps/web/test/**", "apps/web/**/__tests__/**", "apps/web/**/*.test.ts"],
    rules: {
      // The web app reaches the database only through @fairlance/db's services and read models.
      "no-restricted-imports": ["error", WEB_IMPORTS],
    },
  },
  {
    // The API's code runs outside Next's request context in production (apps/web/scripts/web-server.ts
    // calls the route's handler before Next's router): what a procedure needs comes through `ctx`.
    files: ["apps/web/server/routers/**/*.ts", "apps/web/server/http/**/*.ts", "apps/web/server/trpc.ts", "apps/web/server/root.ts", "apps/web/app/api/trpc/**/*.ts"],
    ignores: ["apps/web/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          ...WEB_IMPORTS,
          paths: [
            ...WEB_IMPORTS.paths,
            ...["next/headers", "next/cache", "next/server", "next/navigation"].map((name) => ({
              name,
              message: "The API is served outside Next's request context (apps/web/scripts/web-server.ts): read the request through ctx, never Next's request functions.",
            })),
          ],
        },
      ],
    },
  },
  {
    // Configuration is read through each package's schema (packages/db/src/env.ts, apps/web/env.ts,
    // bench/src/env.ts, e2e/env.ts), which validates it at start. Passing the environment on to a
    // child process (`{ ...process.env }`) is not reading it. Tests may set variables for the code
    // they test. (packages/rules has its own no-restricted-syntax below and reads no environment.)
    files: ["apps/**/*.{ts,tsx,mjs}", "packages/**/*.{ts,mjs}", "bench/**/*.ts", "e2e/**/*.ts"],
    ignores: [
      "**/env.ts",
      "**/env/define.ts",
      "apps/web/lib/public-env.ts",
      "**/*.test.ts",
      "**/*.spec.ts",
      "**/__tests__/**",
      "apps/web/test/**",
    ],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.type='MemberExpression'][object.object.name='process'][object.property.name='env']",
          message: "Read configuration from the package's env module (e.g. dbEnv from @fairlance/db/env), which validates it.",
        },
      ],
    },
  },
  {
    files: ["e2e/tests/**/*.spec.ts"],
    rules: {
      // Every journey ends with the ledger invariant check: its `test` is e2e/tests/test.ts's.
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@playwright/test", importNames: ["test"], message: "Import `test` from ./test (it checks the ledger invariants after each journey)." }] },
      ],
    },
  },
  {
    files: ["packages/rules/src/**/*.ts"],
    rules: {
      // The rules are pure: no clock, no randomness, no I/O.
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Take `now` as an argument." },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Rules are deterministic." },
        { object: "Date", property: "now", message: "Take `now` as an argument." },
      ],
      "no-restricted-imports": ["error", { patterns: ["node:*", "@prisma/*", "@fairlance/db"] }],
    },
  },
);

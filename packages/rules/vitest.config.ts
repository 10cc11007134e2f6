import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      exclude: ["src/**/*.test.ts", "src/test-utils.ts", "src/index.ts"],
      reporter: ["text-summary", "text"],
      thresholds: { lines: 100, branches: 98, functions: 100, statements: 100 },
    },
  },
});

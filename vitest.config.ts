import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "src/**/*.test.ts",
      "src/**/*.test.tsx",
      "test/mock-llm/**/*.test.ts",
      "bench/**/*.test.ts",
      "build/**/*.test.ts",
    ],
    environment: "node",
    coverage: {
      provider: "v8",
      // The store is where the app's state logic lives: its line coverage is the figure watched.
      include: ["src/store/**/*.ts"],
      exclude: ["src/store/**/*.test.ts", "src/store/**/*TestSupport.ts"],
      reporter: ["text-summary", "text"],
    },
  },
});

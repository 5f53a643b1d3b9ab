import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "src/**/*.test.ts",
      "src/**/*.test.tsx",
      "test/mock-llm/**/*.test.ts",
      "bench/**/*.test.ts",
    ],
    environment: "node",
  },
});

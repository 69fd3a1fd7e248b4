import { defineConfig } from "vitest/config";
import path from "node:path";

// Unit tests only: Playwright owns e2e/**/*.spec.ts, Vitest owns *.test.ts.
export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "lib/testing/server-only-stub.ts") },
  },
  test: {
    include: ["lib/**/*.test.ts", "e2e/fake-hf/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
});

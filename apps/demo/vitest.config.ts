import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@fairtender/source"] },
  ssr: { resolve: { conditions: ["@fairtender/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The browser test builds the page, starts Chromium and LibreOffice: give it room on a shared machine.
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});

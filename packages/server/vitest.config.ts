import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@fairtender/source"] },
  ssr: { resolve: { conditions: ["@fairtender/source"] } },
  test: { include: ["test/**/*.test.ts"], testTimeout: 60_000 },
});

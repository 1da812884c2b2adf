import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // dist/ is built (when stale) before any test: analysis threads and the CLI tests run it.
    globalSetup: ["test/global-setup.ts"],
    // Property tests and CLI subprocess tests can take a few seconds on a 2-core CI machine.
    testTimeout: 20_000,
  },
});

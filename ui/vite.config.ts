import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { svelteTesting } from "@testing-library/svelte/vite";

// Tauri loads the built files from its own protocol, hence the relative base.
export default defineConfig({
  base: "./",
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    setupFiles: ["src/test/setup.ts"],
    pool: "threads",
    maxWorkers: 2,
    // Tests wait for what a user would see (findBy…), never a duration. A whole-app
    // render on a loaded 2-core machine took over the default 5 s (the test, not the
    // app, gave up); the limit is only there to stop a test that hangs.
    testTimeout: 20_000,
  },
});

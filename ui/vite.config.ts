// Vite + Vitest config for the Tauri window: relative base (served from the app
// bundle), fixed dev port that tauri.conf.json's devUrl points at.
/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  base: "./",
  plugins: [react()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
  },
  envPrefix: ["VITE_", "TAURI_ENV_"],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebView2 (Chromium) on Windows, WKWebView/WebKitGTK elsewhere.
    target: ["chrome105", "safari15"],
    // antd is one chunk by nature; for a local desktop bundle a single file is fine.
    chunkSizeWarningLimit: 1600,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    css: false,
    testTimeout: 15000,
    // One worker thread per file; a forks-pool worker was once seen idling forever in CI.
    pool: "threads",
    teardownTimeout: 10000,
  },
});

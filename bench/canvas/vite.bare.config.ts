import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** Builds the bare React Flow page (bench/canvas/bare) into .bench/bare, git-ignored. */
export default defineConfig({
  root: fileURLToPath(new URL("./bare", import.meta.url)),
  plugins: [react()],
  // The page has no public/ folder; without this vite would look for bare/public.
  publicDir: false,
  build: {
    // The same target as the app's build, so neither page gets cheaper syntax than the other.
    target: "es2022",
    outDir: fileURLToPath(new URL("../../.bench/bare", import.meta.url)),
    emptyOutDir: true,
  },
});

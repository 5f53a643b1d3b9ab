import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { contentSecurityPolicy } from "./build/contentSecurityPolicy.ts";

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  build: {
    target: "es2022",
    sourcemap: true,
    // The AI SDK chunk is large but loads only on the first call to a hosted provider.
    chunkSizeWarningLimit: 1000,
  },
});

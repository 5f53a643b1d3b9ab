import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { contentSecurityPolicy } from "./build/contentSecurityPolicy.ts";
import { entryBeforeTheme } from "./build/entryBeforeTheme.ts";

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), entryBeforeTheme()],
  resolve: {
    alias: {
      // The app never calls Vercel's AI Gateway: see the file for why this is safe.
      "@ai-sdk/gateway": fileURLToPath(
        new URL("./src/engine/providers/sdk/noGateway.ts", import.meta.url),
      ),
      // Markdown is parsed in a Web Worker (src/ui/chat/markdown.worker.ts), which has no
      // document: this package's browser build decodes entities through one, so its plain
      // JavaScript build is used instead.
      "decode-named-character-reference": fileURLToPath(
        new URL("./node_modules/decode-named-character-reference/index.js", import.meta.url),
      ),
    },
  },
  build: {
    target: "es2022",
    sourcemap: true,
    // The AI SDK chunks are large but load only on the first call to a hosted provider.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the first page imports in one chunk: left to itself, the bundler splits
          // what a lazy panel shares with the first page into several small chunks, each
          // gzipped apart, which made the first page larger, not smaller.
          groups: [{ name: "first-page", tags: ["$initial"] }],
        },
      },
    },
  },
});

/**
 * Runs the mock LLM server by hand or for the benchmark:
 *   node --import tsx test/mock-llm/cli.ts --port 8787 [--host 127.0.0.1] [--chunk-delay-ms 20 | --tokens-per-second 50]
 */
import { parseArgs } from "node:util";
import { startMockLlmServer } from "./mockLlmServer";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8787" },
    host: { type: "string", default: "127.0.0.1" },
    "chunk-delay-ms": { type: "string" },
    "tokens-per-second": { type: "string" },
  },
});

const server = await startMockLlmServer({
  port: Number(values.port),
  host: values.host,
  record: false,
});
const chunkDelayMs = values["chunk-delay-ms"];
const tokensPerSecond = values["tokens-per-second"];
server.setDefault({
  ...(chunkDelayMs ? { chunkDelayMs: Number(chunkDelayMs) } : {}),
  ...(tokensPerSecond ? { tokensPerSecond: Number(tokensPerSecond) } : {}),
});
console.log(`Mock LLM server listening on ${server.url}`);
console.log(`  OpenAI / OpenAI-compatible base URL: ${server.url}/v1`);
console.log(`  Anthropic base URL:                  ${server.url}/v1`);
console.log(`  Google Gemini base URL:              ${server.url}/v1beta`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}

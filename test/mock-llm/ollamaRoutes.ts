import type { Exchange } from "./exchange";

/**
 * Ollama's own `GET /api/tags`: the models pulled on this machine. Ollama names carry a tag
 * (":latest" when none was given); it asks for no key.
 */
export function handleOllamaTags(exchange: Exchange, models: readonly string[]): void {
  exchange.sendJson(200, {
    models: models.map((id) => {
      const name = id.includes(":") ? id : `${id}:latest`;
      return {
        name,
        model: name,
        modified_at: "2025-01-01T00:00:00.000000000Z",
        size: 2_019_393_189,
        digest: "0000000000000000000000000000000000000000000000000000000000000000",
        details: { format: "gguf", family: "llama", parameter_size: "3.2B" },
      };
    }),
  });
}

import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MockLlmServer, startMockLlmServer } from "../../../test/mock-llm/mockLlmServer";
import { type ListModelsResult, listModels, looksLikeOllama } from "./listModels";
import { httpFailureError } from "./providerErrors";

const KEY = "sk-secret-key-0123456789";
const ORIGIN = "http://localhost:5173";
const models = ["mock-model", "gpt-4o-mini", "claude-sonnet-4-5"];
let server: MockLlmServer;

beforeAll(async () => {
  server = await startMockLlmServer({ models, modelsApiKey: KEY });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
});

/** A port nothing listens on: opened, read and closed again. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Sends what would go to Ollama's usual address to the mock server instead. */
const toMockServer: typeof fetch = (input, init) =>
  fetch(String(input).replace("http://localhost:11434", server.url), init);

const message = (result: ListModelsResult) => (result.ok ? "" : result.message);

describe("listModels", () => {
  it("lists an OpenAI-compatible server's models, sorted, sending the key as a bearer token", async () => {
    const result = await listModels({
      provider: "openai-compatible",
      baseUrl: `${server.url}/v1/`,
      apiKey: KEY,
    });
    expect(result).toEqual({
      ok: true,
      models: ["claude-sonnet-4-5", "gpt-4o-mini", "mock-model"],
    });
    expect(server.requests[0]).toMatchObject({ method: "GET", path: "/v1/models" });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("lists Anthropic's models with its version and browser headers", async () => {
    const result = await listModels({
      provider: "anthropic",
      baseUrl: `${server.url}/v1`,
      apiKey: KEY,
    });
    expect(result).toEqual({
      ok: true,
      models: ["claude-sonnet-4-5", "gpt-4o-mini", "mock-model"],
    });
    const headers = server.requests[0]?.headers ?? {};
    expect(headers["x-api-key"]).toBe(KEY);
    expect(headers["anthropic-version"]).toBe("2023-06-01");
    expect(headers["anthropic-dangerous-direct-browser-access"]).toBe("true");
  });

  it("lists only Gemini's chat models, with the key in a header and never in the URL", async () => {
    const result = await listModels({
      provider: "google",
      baseUrl: `${server.url}/v1beta`,
      apiKey: KEY,
    });
    expect(result).toEqual({
      ok: true,
      models: ["claude-sonnet-4-5", "gpt-4o-mini", "mock-model"],
    });
    const request = server.requests[0];
    expect(request?.headers["x-goog-api-key"]).toBe(KEY);
    expect(request?.query).not.toHaveProperty("key");
    expect(JSON.stringify(request?.query)).not.toContain(KEY);
  });

  it("says in words that a refused key was refused (401), for each provider", async () => {
    for (const [provider, baseUrl] of [
      ["openai", `${server.url}/v1`],
      ["anthropic", `${server.url}/v1`],
      ["google", `${server.url}/v1beta`],
    ] as const) {
      const result = await listModels({ provider, baseUrl, apiKey: "sk-wrong-key-9876" });
      expect(result.ok).toBe(false);
      expect(message(result)).toMatch(/The API key for .+ was refused \((401|400)\)/);
    }
  });

  it("explains a closed port: down, wrong address or CORS, with Ollama's OLLAMA_ORIGINS hint", async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}/v1`;
    const result = await listModels({ provider: "openai-compatible", baseUrl, pageOrigin: ORIGIN });
    expect(result.ok).toBe(false);
    expect(message(result)).toContain(`Could not reach`);
    expect(message(result)).toContain(baseUrl);
    expect(message(result)).toContain("(CORS)");
    expect(message(result)).toContain(`OLLAMA_ORIGINS=${ORIGIN} ollama serve`);
  });

  it("never puts the key in a message, whatever went wrong", async () => {
    const port = await closedPort();
    const failures = await Promise.all([
      listModels({ provider: "openai", baseUrl: `${server.url}/v1`, apiKey: `${KEY}x` }),
      listModels({ provider: "google", baseUrl: `${server.url}/v1beta`, apiKey: `${KEY}x` }),
      listModels({ provider: "openai", baseUrl: `${server.url}/nowhere`, apiKey: KEY }),
      listModels({ provider: "anthropic", baseUrl: `http://127.0.0.1:${port}`, apiKey: KEY }),
      listModels({ provider: "openai", baseUrl: "ftp://example.com", apiKey: KEY }),
      listModels({ provider: "openai", apiKey: `${KEY}\n` }),
    ]);
    for (const result of failures) {
      expect(result.ok).toBe(false);
      expect(message(result)).not.toBe("");
      expect(message(result)).not.toContain(KEY);
    }
    expect(message(failures[2] as ListModelsResult)).toContain("(404). Check the base URL.");
    for (const request of server.requests) {
      expect(request.path).not.toContain(KEY);
      expect(JSON.stringify(request.query)).not.toContain(KEY);
    }
  });

  it("falls back to Ollama's /api/tags when an Ollama address has no /models", async () => {
    // Without /v1, GET /models is a 404: Ollama's own list still answers.
    const result = await listModels({
      provider: "openai-compatible",
      baseUrl: "http://localhost:11434",
      fetch: toMockServer,
    });
    expect(result).toEqual({
      ok: true,
      models: ["claude-sonnet-4-5:latest", "gpt-4o-mini:latest", "mock-model:latest"],
    });
    expect(server.requests.map((r) => r.path)).toEqual(["/models", "/api/tags"]);
  });

  it("does not try Ollama's list for a server that does not look like Ollama", async () => {
    const result = await listModels({ provider: "openai-compatible", baseUrl: server.url });
    expect(message(result)).toContain("(404)");
    expect(server.requests.map((r) => r.path)).toEqual(["/models"]);
  });

  it("keeps a saved key from a server it is not bound to: refused, and nothing is asked", async () => {
    for (const provider of ["openai", "anthropic", "google", "openai-compatible"] as const) {
      const result = await listModels({
        provider,
        baseUrl: `${server.url}/v1`,
        credential: { apiKey: KEY, baseUrl: "http://localhost:11434/v1" },
      });
      expect(message(result)).toContain(`requests to ${server.url}`);
      expect(message(result)).not.toContain(KEY);
    }
    expect(server.requests).toEqual([]);
    // Approved for that server, the key goes there.
    const approved = await listModels({
      provider: "openai",
      baseUrl: `${server.url}/v1`,
      credential: { apiKey: KEY, approvedOrigins: [server.url] },
    });
    expect(approved.ok).toBe(true);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("asks for what is missing before calling anything", async () => {
    expect(message(await listModels({ provider: "openai-compatible" }))).toContain(
      "http://localhost:11434/v1",
    );
    expect(message(await listModels({ provider: "anthropic" }))).toBe(
      "Enter the API key for Anthropic first.",
    );
    expect(server.requests).toHaveLength(0);
  });

  it("gives up after the timeout, and reports a cancel as stopped", async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      );
    const slow = await listModels({
      provider: "openai",
      apiKey: KEY,
      timeoutMs: 20,
      fetch: hanging,
    });
    expect(message(slow)).toBe(
      "OpenAI did not answer within a second. Check the base URL, or try again.",
    );
    const controller = new AbortController();
    const pending = listModels({
      provider: "openai",
      apiKey: KEY,
      signal: controller.signal,
      fetch: hanging,
    });
    controller.abort();
    expect(message(await pending)).toBe("Stopped.");
  });
});

describe("listModels' wording of a refused call", () => {
  /** A fetch that answers every request with one canned response. */
  const answering =
    (status: number, body: string, headers: Record<string, string> = {}): typeof fetch =>
    async () =>
      new Response(body, { status, headers });

  it("words a rate limit exactly as a chat call with the same answer would be", async () => {
    const body = JSON.stringify({ error: { message: "Slow down." } });
    const result = await listModels({
      provider: "openai",
      apiKey: KEY,
      fetch: answering(429, body, { "retry-after": "30" }),
    });
    const chat = httpFailureError(
      { status: 429, body, headers: { "retry-after": "30" } },
      { provider: "openai", model: "" },
    );
    expect(message(result)).toBe(chat.message);
    expect(message(result)).toBe(
      'OpenAI is limiting requests (429). Try again in 30 seconds. OpenAI said: "Slow down."',
    );
  });

  it("says a refused key was refused, pointing at the key field beside it, not at Settings", async () => {
    const result = await listModels({
      provider: "google",
      apiKey: KEY,
      fetch: answering(400, JSON.stringify({ error: { message: "API key not valid." } })),
    });
    expect(message(result)).toBe("The API key for Google Gemini was refused (400). Check it.");
  });

  it("quotes no made-up reason when the server sends an empty error", async () => {
    const result = await listModels({
      provider: "anthropic",
      apiKey: KEY,
      fetch: answering(500, ""),
    });
    expect(message(result)).toBe(
      "Anthropic had a server error (500). This is usually temporary: try again in a moment.",
    );
  });
});

describe("looksLikeOllama", () => {
  it("recognises Ollama's port or a host named for it", () => {
    expect(looksLikeOllama("http://localhost:11434/v1")).toBe(true);
    expect(looksLikeOllama("http://ollama.lan/v1")).toBe(true);
    expect(looksLikeOllama("http://localhost:1234/v1")).toBe(false);
    expect(looksLikeOllama("not a url")).toBe(false);
  });
});

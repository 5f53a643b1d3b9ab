import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockLlmServer, startMockLlmServer } from "./mockLlmServer";

const KEY = "sk-mock-right-key-1234";
const models = ["mock-model", "llama3.2:1b"];
let open: MockLlmServer;
let guarded: MockLlmServer;

beforeAll(async () => {
  open = await startMockLlmServer({ models });
  guarded = await startMockLlmServer({ models, modelsApiKey: KEY });
});
afterAll(async () => {
  await Promise.all([open.close(), guarded.close()]);
});

const json = async (response: Response) => (await response.json()) as Record<string, unknown>;

describe("model lists", () => {
  it("lists Ollama's pulled models at GET /api/tags, tagged :latest when no tag was given", async () => {
    const response = await fetch(`${open.url}/api/tags`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { models: { name: string; model: string }[] };
    expect(body.models.map((m) => m.name)).toEqual(["mock-model:latest", "llama3.2:1b"]);
    expect(body.models[0]?.model).toBe("mock-model:latest");
  });

  it("lists Gemini models with their methods, refusing a call with no key", async () => {
    const refused = await fetch(`${open.url}/v1beta/models`);
    expect(refused.status).toBe(403);
    const response = await fetch(`${open.url}/v1beta/models`, {
      headers: { "x-goog-api-key": "any" },
    });
    const body = (await response.json()) as {
      models: { name: string; supportedGenerationMethods: string[] }[];
    };
    expect(body.models.map((m) => m.name)).toContain("models/mock-model");
    const embedding = body.models.find((m) => m.name === "models/text-embedding-004");
    expect(embedding?.supportedGenerationMethods).toEqual(["embedContent"]);
  });

  it("with modelsApiKey, refuses other keys as each provider does and accepts the right one", async () => {
    const openAi = await fetch(`${guarded.url}/v1/models`, {
      headers: { authorization: "Bearer sk-wrong-key-5678" },
    });
    expect(openAi.status).toBe(401);
    const openAiError = (await json(openAi)).error as { message: string; code: string };
    expect(openAiError.code).toBe("invalid_api_key");
    // Like OpenAI, only the key's ends are quoted.
    expect(openAiError.message).toContain("sk-w*");
    expect(openAiError.message).not.toContain("sk-wrong-key-5678");

    const anthropic = await fetch(`${guarded.url}/v1/models`, {
      headers: { "x-api-key": "wrong", "anthropic-version": "2023-06-01" },
    });
    expect(anthropic.status).toBe(401);
    expect(await json(anthropic)).toMatchObject({ error: { type: "authentication_error" } });

    const gemini = await fetch(`${guarded.url}/v1beta/models`, {
      headers: { "x-goog-api-key": "wrong" },
    });
    expect(gemini.status).toBe(400);
    expect(await json(gemini)).toMatchObject({ error: { status: "INVALID_ARGUMENT" } });

    const right = await fetch(`${guarded.url}/v1/models`, {
      headers: { authorization: `Bearer ${KEY}` },
    });
    expect(right.status).toBe(200);
  });

  it("leaves the model lists open when no modelsApiKey is set", async () => {
    expect((await fetch(`${open.url}/v1/models`)).status).toBe(200);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MockLlmServer, startMockLlmServer } from "./mockLlmServer";
import { parseSse, sseJson } from "./sseTestReader";

let server: MockLlmServer;

beforeAll(async () => {
  server = await startMockLlmServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
});

const openAiBody = (extra: Record<string, unknown> = {}) => ({
  model: "gpt-4o-mini",
  messages: [
    { role: "system", content: "Be brief." },
    { role: "user", content: "Hello there" },
  ],
  ...extra,
});

function postOpenAi(body: unknown, signal?: AbortSignal) {
  return fetch(`${server.url}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer sk-test" },
    body: JSON.stringify(body),
    signal,
  });
}

const anthropicHeaders = {
  "content-type": "application/json",
  "x-api-key": "sk-ant-test",
  "anthropic-version": "2023-06-01",
};
const anthropicBody = (extra: Record<string, unknown> = {}) => ({
  model: "claude-sonnet-4-5",
  max_tokens: 256,
  system: "Be brief.",
  messages: [{ role: "user", content: [{ type: "text", text: "Hello there" }] }],
  ...extra,
});

function postAnthropic(body: unknown, headers: Record<string, string> = anthropicHeaders) {
  return fetch(`${server.url}/v1/messages`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
}

type Json = Record<string, unknown>;
type ChatChunk = { choices: { delta: { content?: string }; finish_reason: string | null }[] };

describe("OpenAI Chat Completions", () => {
  it("answers a non-streaming request with a chat.completion and its usage", async () => {
    const response = await postOpenAi(openAiBody());
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      object: string;
      choices: { message: { role: string; content: string }; finish_reason: string }[];
      usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
    };
    expect(body.object).toBe("chat.completion");
    expect(body.choices[0]?.message).toMatchObject({
      role: "assistant",
      content: 'Mock reply #1 to "Hello there"',
    });
    expect(body.choices[0]?.finish_reason).toBe("stop");
    expect(body.usage.prompt_tokens).toBe(4);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  it("streams the reply in several chunks, then finish_reason, usage and [DONE]", async () => {
    const response = await postOpenAi(
      openAiBody({ stream: true, stream_options: { include_usage: true } }),
    );
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const events = parseSse(await response.text());
    expect(events.at(-1)?.data).toBe("[DONE]");
    const chunks = sseJson(events) as unknown as (ChatChunk & { object: string; usage: Json })[];
    expect(chunks.every((chunk) => chunk.object === "chat.completion.chunk")).toBe(true);

    const pieces = chunks.flatMap((chunk) => chunk.choices.map((c) => c.delta.content ?? ""));
    expect(pieces.filter((piece) => piece !== "").length).toBeGreaterThan(2);
    expect(pieces.join("")).toBe('Mock reply #1 to "Hello there"');
    const finish = chunks.findIndex((chunk) => chunk.choices[0]?.finish_reason === "stop");
    const usageChunk = chunks.at(-1);
    expect(finish).toBe(chunks.length - 2);
    expect(usageChunk?.choices).toEqual([]);
    expect(usageChunk?.usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 6 });
  });

  it("sends no usage chunk unless stream_options.include_usage asks for it", async () => {
    const response = await postOpenAi(openAiBody({ stream: true }));
    const chunks = sseJson(parseSse(await response.text())) as unknown as ChatChunk[];
    expect(chunks.every((chunk) => chunk.choices.length === 1 && !("usage" in chunk))).toBe(true);
  });

  it("rejects a body that breaks OpenAI's schema with a 400 naming the bad param", async () => {
    const badRole = await postOpenAi({
      model: "gpt-4o-mini",
      messages: [{ role: "wizard", content: "hi" }],
    });
    expect(badRole.status).toBe(400);
    const { error } = (await badRole.json()) as { error: Json };
    expect(error).toMatchObject({ type: "invalid_request_error", param: "messages[0].role" });
    expect(error.message).toContain("'user'");

    const noModel = await postOpenAi({ messages: [{ role: "user", content: "hi" }] });
    expect(noModel.status).toBe(400);
    expect(((await noModel.json()) as { error: Json }).error).toMatchObject({
      param: "model",
      code: "missing_required_parameter",
    });

    const badTemperature = await postOpenAi(openAiBody({ temperature: "hot" }));
    expect(badTemperature.status).toBe(400);
    // A rejected request is not a reply: the next one is still #1.
    const ok = (await (await postOpenAi(openAiBody())).json()) as {
      choices: { message: { content: string } }[];
    };
    expect(ok.choices[0]?.message.content).toContain("#1");
  });

  it("lists models in OpenAI's format", async () => {
    const response = await fetch(`${server.url}/v1/models`);
    const body = (await response.json()) as {
      object: string;
      data: { id: string; object: string }[];
    };
    expect(body.object).toBe("list");
    expect(body.data.map((model) => model.id)).toContain("gpt-4o-mini");
    expect(body.data[0]?.object).toBe("model");
  });
});

describe("Anthropic Messages", () => {
  it("answers a non-streaming request with a message and its usage", async () => {
    const response = await postAnthropic(anthropicBody());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      type: "message",
      role: "assistant",
      content: [{ type: "text", text: 'Mock reply #1 to "Hello there"' }],
      stop_reason: "end_turn",
      usage: { input_tokens: 4, output_tokens: 6 },
    });
  });

  it("streams the documented event sequence with text deltas and the output token count", async () => {
    const response = await postAnthropic(anthropicBody({ stream: true }));
    const events = parseSse(await response.text());
    const names = events.map((event) => event.event);
    expect(names.slice(0, 3)).toEqual(["message_start", "content_block_start", "ping"]);
    expect(names.slice(-3)).toEqual(["content_block_stop", "message_delta", "message_stop"]);
    const deltas = events.filter((event) => event.event === "content_block_delta");
    expect(deltas.length).toBeGreaterThan(2);
    const data = sseJson(events) as unknown as {
      type: string;
      delta?: { text?: string; stop_reason?: string };
      usage?: Json;
      message?: { usage: Json };
    }[];
    expect(data.every((event, i) => event.type === names[i])).toBe(true);
    const text = data.map((event) =>
      event.type === "content_block_delta" ? event.delta?.text : "",
    );
    expect(text.join("")).toBe('Mock reply #1 to "Hello there"');
    const messageDelta = data.find((event) => event.type === "message_delta");
    expect(messageDelta?.delta?.stop_reason).toBe("end_turn");
    expect(messageDelta?.usage).toEqual({ output_tokens: 6 });
    expect(data[0]?.message?.usage.input_tokens).toBe(4);
  });

  it("refuses a request without x-api-key or anthropic-version, or without max_tokens", async () => {
    const { "x-api-key": _key, ...noKey } = anthropicHeaders;
    const unauthenticated = await postAnthropic(anthropicBody(), noKey);
    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.json()).toMatchObject({
      type: "error",
      error: { type: "authentication_error" },
    });

    const { "anthropic-version": _version, ...noVersion } = anthropicHeaders;
    const unversioned = await postAnthropic(anthropicBody(), noVersion);
    expect(unversioned.status).toBe(400);
    expect(await unversioned.json()).toMatchObject({
      type: "error",
      error: {
        type: "invalid_request_error",
        message: expect.stringContaining("anthropic-version"),
      },
    });

    const noMaxTokens = await postAnthropic(anthropicBody({ max_tokens: undefined }));
    expect(noMaxTokens.status).toBe(400);
    expect(await noMaxTokens.json()).toMatchObject({
      error: { type: "invalid_request_error", message: "max_tokens: Field required" },
    });
    const noMessages = await postAnthropic(anthropicBody({ messages: [] }));
    expect(noMessages.status).toBe(400);
  });

  it("lists models in Anthropic's format when asked with anthropic-version", async () => {
    const response = await fetch(`${server.url}/v1/models`, { headers: anthropicHeaders });
    const body = (await response.json()) as { data: { type: string }[]; has_more: boolean };
    expect(body.has_more).toBe(false);
    expect(body.data[0]?.type).toBe("model");
  });
});

describe("Google Gemini", () => {
  const geminiBody = {
    systemInstruction: { parts: [{ text: "Be brief." }] },
    contents: [{ role: "user", parts: [{ text: "Hello there" }] }],
  };
  const geminiHeaders = { "content-type": "application/json", "x-goog-api-key": "goog-test" };

  it("streams candidates over SSE and reports usage on the last chunk", async () => {
    const response = await fetch(
      `${server.url}/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`,
      { method: "POST", headers: geminiHeaders, body: JSON.stringify(geminiBody) },
    );
    const chunks = sseJson(parseSse(await response.text())) as unknown as {
      candidates: { content: { parts: { text: string }[] }; finishReason?: string }[];
      usageMetadata: Json;
    }[];
    expect(chunks.length).toBeGreaterThan(2);
    const text = chunks.map((chunk) => chunk.candidates[0]?.content.parts[0]?.text).join("");
    expect(text).toBe('Mock reply #1 to "Hello there"');
    expect(chunks.at(-1)?.candidates[0]?.finishReason).toBe("STOP");
    expect(chunks.at(-1)?.usageMetadata).toMatchObject({
      promptTokenCount: 4,
      candidatesTokenCount: 6,
    });
  });

  it("answers generateContent in one piece, and refuses a call without a key", async () => {
    const url = `${server.url}/v1beta/models/gemini-2.5-flash:generateContent`;
    const response = await fetch(url, {
      method: "POST",
      headers: geminiHeaders,
      body: JSON.stringify(geminiBody),
    });
    expect(await response.json()).toMatchObject({
      candidates: [{ content: { parts: [{ text: 'Mock reply #1 to "Hello there"' }] } }],
    });
    const keyless = await fetch(url, { method: "POST", body: JSON.stringify(geminiBody) });
    expect(keyless.status).toBe(403);
    expect(await keyless.json()).toMatchObject({ error: { status: "PERMISSION_DENIED" } });
  });
});

describe("scripted failures", () => {
  it("answers an invalid key with 401 in each provider's shape", async () => {
    server.enqueue({ fail: "invalid-key" }, { fail: "invalid-key" });
    const openAi = await postOpenAi(openAiBody());
    expect(openAi.status).toBe(401);
    expect(await openAi.json()).toMatchObject({ error: { code: "invalid_api_key" } });
    const anthropic = await postAnthropic(anthropicBody());
    expect(anthropic.status).toBe(401);
    expect(await anthropic.json()).toMatchObject({ error: { type: "authentication_error" } });
  });

  it("answers an unknown model with 404 naming it", async () => {
    server.enqueue({ fail: "model-not-found" });
    const response = await postOpenAi(openAiBody({ model: "gpt-9" }));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { code: "model_not_found", message: expect.stringContaining("gpt-9") },
    });
  });

  it("answers a rate limit with 429 and a retry-after the page may read", async () => {
    server.enqueue({ fail: "rate-limit", retryAfter: "12", retryAfterMs: 12000 });
    const response = await postAnthropic(anthropicBody());
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("12");
    expect(response.headers.get("retry-after-ms")).toBe("12000");
    expect(response.headers.get("access-control-expose-headers")).toContain("retry-after");
    expect(await response.json()).toMatchObject({ error: { type: "rate_limit_error" } });
  });

  it("answers a server error with 500 and a custom status with its message", async () => {
    server.enqueue({ fail: "server-error" }, { fail: { status: 503, message: "Overloaded" } });
    expect((await postOpenAi(openAiBody())).status).toBe(500);
    const unavailable = await postAnthropic(anthropicBody());
    expect(unavailable.status).toBe(503);
    expect(await unavailable.json()).toMatchObject({ error: { message: "Overloaded" } });
  });

  it("cuts a stream mid-way: the reader fails after the first chunks", async () => {
    server.enqueue({ cutAfterChunks: 2 });
    const response = await postOpenAi(openAiBody({ stream: true }));
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let received = "";
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = (await reader?.read()) ?? { done: true, value: undefined };
          if (done) return;
          received += decoder.decode(value);
        }
      })(),
    ).rejects.toThrow();
    expect(received).toContain('"content":"Mock "');
    expect(received).not.toContain("[DONE]");
    expect(await server.requests[0]?.ended).toBe("server-cut");
  });

  it("sends a data line that is not valid JSON when asked for malformed events", async () => {
    server.enqueue({ malformedAfterChunks: 1 });
    const response = await postOpenAi(openAiBody({ stream: true }));
    const events = parseSse(await response.text());
    const broken = events.filter((event) => {
      try {
        JSON.parse(event.data);
        return false;
      } catch {
        return event.data !== "[DONE]";
      }
    });
    expect(broken).toHaveLength(1);
    expect(events.indexOf(broken[0] as (typeof events)[number])).toBe(2);
  });

  it("delays the headers for a slow start", async () => {
    server.enqueue({ startDelayMs: 150 });
    const started = performance.now();
    const response = await postOpenAi(openAiBody());
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(response.status).toBe(200);
  });

  it("paces a slow stream, and sees the client hang up mid-stream", async () => {
    server.enqueue({ reply: "one two three four five six", chunkDelayMs: 60 });
    const controller = new AbortController();
    const started = performance.now();
    const response = await postOpenAi(openAiBody({ stream: true }), controller.signal);
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let received = "";
    while (!received.includes('"two "')) {
      const { value } = (await reader?.read()) ?? {};
      received += decoder.decode(value);
    }
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(received).not.toContain('"three "');
    controller.abort();
    expect(await server.requests[0]?.ended).toBe("client-closed");
  });

  it("never answers when told to hang, in each wire format, until the client gives up", async () => {
    server.enqueue({ hang: true }, { hang: true });
    const give = new AbortController();
    const openAi = postOpenAi(openAiBody({ stream: true }), give.signal);
    const anthropic = fetch(`${server.url}/v1/messages`, {
      method: "POST",
      headers: anthropicHeaders,
      body: JSON.stringify(anthropicBody({ stream: true })),
      signal: give.signal,
    });
    const outcome = await Promise.race([
      Promise.allSettled([openAi, anthropic]).then(() => "answered"),
      new Promise((resolve) => setTimeout(() => resolve("still waiting"), 200)),
    ]);
    expect(outcome).toBe("still waiting");
    give.abort();
    await expect(openAi).rejects.toThrow();
    expect(await server.requests[0]?.ended).toBe("client-closed");
    expect(await server.requests[1]?.ended).toBe("client-closed");
  });

  it.each([
    ["OpenAI", () => postOpenAi(openAiBody({ stream: true })), '"content":"Mock "', "[DONE]"],
    [
      "Anthropic",
      () => postAnthropic(anthropicBody({ stream: true })),
      '"text":"Mock "',
      "message_stop",
    ],
  ])("stalls a %s stream after N chunks, holding it open", async (_, post, first, end) => {
    server.enqueue({ stallAfterChunks: 1, reply: "Mock reply that stalls" });
    const response = await post();
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let received = "";
    while (!received.includes(first)) {
      const { value } = (await reader?.read()) ?? {};
      received += decoder.decode(value);
    }
    const next = reader?.read();
    const outcome = await Promise.race([
      next?.then(() => "more"),
      new Promise((resolve) => setTimeout(() => resolve("silence"), 200)),
    ]);
    expect(outcome).toBe("silence");
    expect(received).not.toContain("reply");
    expect(received).not.toContain(end);
    await reader?.cancel();
    expect(await server.requests[0]?.ended).toBe("client-closed");
  });

  it("answers a 429 with retry-after, then the reply on the next request", async () => {
    server.enqueue({ fail: "rate-limit", retryAfter: "2" });
    const limited = await postOpenAi(openAiBody());
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    const answered = await postOpenAi(openAiBody());
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({
      choices: [{ message: { content: 'Mock reply #1 to "Hello there"' } }],
    });
  });

  it("paces by tokens per second for benchmarks", async () => {
    server.enqueue({ reply: "a b c d e", tokensPerSecond: 50 });
    const started = performance.now();
    await (await postOpenAi(openAiBody({ stream: true }))).text();
    // Five tokens at 50/s: four gaps of 20 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });
});

describe("scripting and recording", () => {
  it("plays queued behaviours in order, then the default; reset starts over", async () => {
    server.setDefault({ reply: "default" });
    server.enqueue({ reply: "first" }, { reply: "second" });
    const replies: string[] = [];
    for (let i = 0; i < 3; i++) {
      const body = (await (await postOpenAi(openAiBody())).json()) as {
        choices: { message: { content: string } }[];
      };
      replies.push(body.choices[0]?.message.content ?? "");
    }
    expect(replies).toEqual(["first", "second", "default"]);
    server.reset();
    expect(server.requests).toHaveLength(0);
    const again = (await (await postOpenAi(openAiBody())).json()) as {
      choices: { message: { content: string } }[];
    };
    expect(again.choices[0]?.message.content).toBe('Mock reply #1 to "Hello there"');
  });

  it("records path, lower-cased headers and the parsed body", async () => {
    await postAnthropic(anthropicBody());
    const [request] = server.requests;
    expect(request).toMatchObject({ method: "POST", path: "/v1/messages" });
    expect(request?.headers["x-api-key"]).toBe("sk-ant-test");
    expect(request?.headers["anthropic-version"]).toBe("2023-06-01");
    expect(request?.body).toEqual(anthropicBody());
    expect(await request?.ended).toBe("completed");
  });
});

describe("CORS", () => {
  it("answers a preflight with 204, echoes the requested headers and does not record it", async () => {
    const requested =
      "authorization, x-api-key, anthropic-version, anthropic-dangerous-direct-browser-access, content-type";
    const response = await fetch(`${server.url}/v1/messages`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": requested,
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-headers")).toBe(requested);
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    expect(server.requests).toHaveLength(0);
  });

  it("allows any origin on replies and on errors", async () => {
    const ok = await postOpenAi(openAiBody());
    expect(ok.headers.get("access-control-allow-origin")).toBe("*");
    const rejected = await postOpenAi({ messages: [] });
    expect(rejected.status).toBe(400);
    expect(rejected.headers.get("access-control-allow-origin")).toBe("*");
    const unknown = await fetch(`${server.url}/nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("access-control-allow-origin")).toBe("*");
  });
});

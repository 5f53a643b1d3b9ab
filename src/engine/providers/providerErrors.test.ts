import { APICallError, JSONParseError, RetryError } from "ai";
import { describe, expect, it } from "vitest";
import { ProviderError } from "../provider";
import { httpFailureError, retryAfter, toProviderError } from "./providerErrors";

const openAi = { provider: "openai", model: "gpt-4o-mini" } as const;

function apiError(
  statusCode: number,
  body: unknown,
  responseHeaders: Record<string, string> = {},
): APICallError {
  return new APICallError({
    message: "from the SDK",
    url: "https://api.example/v1/chat/completions",
    requestBodyValues: {},
    statusCode,
    responseHeaders,
    responseBody: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("toProviderError", () => {
  it("quotes the provider's own reason for a 400", () => {
    const error = toProviderError(
      apiError(400, { error: { message: "'temperature' must be at most 2." } }),
      openAi,
    );
    expect(error.kind).toBe("bad-request");
    expect(error.message).toBe(
      "OpenAI rejected the request (400): 'temperature' must be at most 2.",
    );
    expect(error.details).toEqual({ status: 400, provider: "openai" });
  });

  it("treats a 400 saying the model does not exist as a missing model", () => {
    const error = toProviderError(
      apiError(400, { error: { message: "The model `gpt-9` does not exist" } }),
      { ...openAi, model: "gpt-9" },
    );
    expect(error.kind).toBe("model-not-found");
    expect(error.message).toContain('"gpt-9"');
  });

  it("points a missing model to the node's Model field, quoting the provider", () => {
    const error = toProviderError(
      apiError(404, {
        error: { message: "The model `gpt-5x` does not exist or you do not have access to it." },
      }),
      { ...openAi, model: "gpt-5x" },
    );
    expect(error.message).toBe(
      'The model "gpt-5x" does not exist at OpenAI: change it in the node\'s Model field. OpenAI said: "The model `gpt-5x` does not exist or you do not have access to it."',
    );
  });

  it("suspects the base URL too when a 404 does not mention the model", () => {
    const error = toProviderError(apiError(404, "404 page not found"), {
      provider: "openai-compatible",
      model: "llama3",
      baseUrl: "http://localhost:11434",
    });
    expect(error.kind).toBe("model-not-found");
    expect(error.message).toContain("base URL");
  });

  it("reads Gemini's 400 for a bad key as an auth failure", () => {
    const error = toProviderError(
      apiError(400, {
        error: { code: 400, message: "API key not valid. Please pass a valid API key." },
      }),
      { provider: "google", model: "gemini-2.5-flash" },
    );
    expect(error.kind).toBe("auth");
    expect(error.message).toContain("Google Gemini");
  });

  it("treats 403 as a refused key, and 529 (overloaded) as a server error", () => {
    expect(toProviderError(apiError(403, {}), openAi).kind).toBe("auth");
    expect(toProviderError(apiError(529, { error: { message: "Overloaded" } }), openAi).kind).toBe(
      "server",
    );
  });

  it("scrubs the API key from anything the provider echoes back", () => {
    const apiKey = "sk-live-abcdef123456";
    const error = toProviderError(
      apiError(400, { error: { message: `Key ${apiKey} is not allowed to use this model` } }),
      { ...openAi, apiKey },
    );
    expect(error.message).not.toContain(apiKey);
    expect(error.message).toContain("[API key]");
  });

  it("masks a key before cutting a long message: no part of it shows, wherever it sits", () => {
    const apiKey = "sk-CANARY0123456Z"; // 16 characters, none of them a dot or a space
    const pieces = new Set<string>();
    for (let n = 4; n <= apiKey.length; n++) {
      for (let i = 0; i + n <= apiKey.length; i++) pieces.add(apiKey.slice(i, i + n));
    }
    for (let at = 0; at <= 420; at++) {
      const said = `${".".repeat(at)}${apiKey}${".".repeat(420 - at)}`;
      for (const error of [
        toProviderError(apiError(400, { error: { message: said } }), { ...openAi, apiKey }),
        toProviderError(apiError(500, { error: { message: said } }), { ...openAi, apiKey }),
        toProviderError(new Error(said), { ...openAi, apiKey }),
      ]) {
        for (const piece of pieces) {
          if (error.message.includes(piece)) {
            throw new Error(`key at ${at}: "${piece}" shows in ${error.message}`);
          }
        }
      }
    }
  });

  it("explains the last attempt when the SDK gave up retrying", () => {
    const last = apiError(429, {}, { "retry-after": "3" });
    const retry = new RetryError({
      message: "Failed after 3 attempts",
      reason: "maxRetriesExceeded",
      errors: [last],
    });
    const error = toProviderError(retry, openAi);
    expect(error.kind).toBe("rate-limit");
    expect(error.details.retryAfterSeconds).toBe(3);
  });

  it("says the rate limit without a time when the provider gives none", () => {
    const error = toProviderError(apiError(429, {}), openAi);
    expect(error.details.retryAfterSeconds).toBeUndefined();
    expect(error.message).toContain("Wait a moment");
  });

  it("reads a browser's bare 'Failed to fetch' as a network or CORS failure", () => {
    const error = toProviderError(new TypeError("Failed to fetch"), {
      provider: "openai-compatible",
      model: "llama3",
      baseUrl: "http://localhost:11434/v1",
      pageOrigin: "http://localhost:5173",
    });
    expect(error.kind).toBe("network");
    expect(error.message).toContain("http://localhost:11434/v1");
    expect(error.message).toContain("CORS");
    expect(error.message).toContain("OLLAMA_ORIGINS=http://localhost:5173 ollama serve");
  });

  it("names the default address of a hosted provider when the user set none", () => {
    const error = toProviderError(new TypeError("Load failed"), {
      provider: "anthropic",
      model: "c",
    });
    expect(error.message).toContain("https://api.anthropic.com/v1");
    expect(error.message).not.toContain("OLLAMA");
  });

  it("reads an abort, from fetch or the SDK, as Stopped", () => {
    const fromFetch = new DOMException("The operation was aborted.", "AbortError");
    expect(toProviderError(fromFetch, openAi)).toMatchObject({
      kind: "aborted",
      message: "Stopped.",
    });
  });

  it("reads an unparseable event as a bad response", () => {
    const error = toProviderError(new JSONParseError({ text: "{oops", cause: new Error("x") }), {
      ...openAi,
      receivedText: true,
    });
    expect(error.kind).toBe("bad-response");
    expect(error.message).toContain("part-way through");
  });

  it("passes a ProviderError through untouched", () => {
    const original = new ProviderError("auth", "No key.");
    expect(toProviderError(original, openAi)).toBe(original);
  });
});

describe("httpFailureError", () => {
  const slowDown = {
    status: 429,
    body: JSON.stringify({ error: { message: "Slow down." } }),
    headers: { "Retry-After": "30" },
  };

  it("words a refused call from the status, body and headers alone", () => {
    const error = httpFailureError(slowDown, openAi);
    expect(error.kind).toBe("rate-limit");
    expect(error.message).toBe(
      'OpenAI is limiting requests (429). Try again in 30 seconds. OpenAI said: "Slow down."',
    );
    expect(error.details).toEqual({ status: 429, retryAfterSeconds: 30, provider: "openai" });
  });

  it("gives an AI SDK error with the same facts the same words", () => {
    const fromSdk = toProviderError(apiError(429, slowDown.body, slowDown.headers), openAi);
    expect(fromSdk.message).toBe(httpFailureError(slowDown, openAi).message);
    expect(fromSdk.details).toEqual(httpFailureError(slowDown, openAi).details);
  });

  it("quotes nothing when neither the body nor the caller gives a reason", () => {
    const server = {
      provider: "openai-compatible",
      model: "m",
      baseUrl: "http://gpu:8000/v1",
    } as const;
    expect(httpFailureError({ status: 502, body: "" }, server).message).toBe(
      "The OpenAI-compatible server at http://gpu:8000/v1 had a server error (502). This is usually temporary: try again in a moment.",
    );
    expect(httpFailureError({ status: 418 }, openAi).message).toBe(
      "OpenAI rejected the request (418): no reason given",
    );
  });

  it("quotes the fallback when the body is an HTML page, and the server, not the provider", () => {
    const failure = {
      status: 503,
      body: "<html>Bad gateway</html>",
      fallback: "Service Unavailable",
    };
    const server = { provider: "openai-compatible", model: "m" } as const;
    expect(httpFailureError(failure, server).message).toContain(
      'The server said: "Service Unavailable"',
    );
  });
});

describe("retryAfter", () => {
  const now = Date.parse("2025-06-01T12:00:00Z");

  it("reads seconds, an HTTP date, or retry-after-ms", () => {
    expect(retryAfter({ "retry-after": "30" }, now)).toBe(30);
    expect(retryAfter({ "Retry-After": "Sun, 01 Jun 2025 12:01:30 GMT" }, now)).toBe(90);
    expect(retryAfter({ "retry-after-ms": "1500", "retry-after": "2" }, now)).toBe(1.5);
  });

  it("ignores a missing or unreadable value, and a date already past is now", () => {
    expect(retryAfter({}, now)).toBeUndefined();
    expect(retryAfter({ "retry-after": "soon" }, now)).toBeUndefined();
    expect(retryAfter({ "retry-after": "Sun, 01 Jun 2025 11:00:00 GMT" }, now)).toBe(0);
  });
});

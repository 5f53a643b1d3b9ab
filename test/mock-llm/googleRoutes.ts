import { type MockBehaviour, type MockFailure, planReply, rateLimitHeaders } from "./behaviour";
import { contentText, type Exchange, openReply, plainObject } from "./exchange";
import { streamChunks } from "./replyStream";
import { startSse, writeSse } from "./sse";

/** Matches `/v1beta/models/{model}:generateContent` and `:streamGenerateContent`. */
export const GEMINI_PATH = /^\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

/** Gemini's `generateContent` / `streamGenerateContent?alt=sse`, as the Generative Language API answers. */
export async function handleGemini(exchange: Exchange): Promise<void> {
  const match = GEMINI_PATH.exec(exchange.record.path);
  const model = decodeURIComponent(match?.[1] ?? "");
  const streaming = match?.[2] === "streamGenerateContent";
  if (!exchange.record.headers["x-goog-api-key"] && !exchange.record.query.key) {
    exchange.sendJson(
      403,
      googleError(
        403,
        "PERMISSION_DENIED",
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
      ),
    );
    return;
  }
  const body = plainObject(exchange.body);
  if (!Array.isArray(body.contents) || body.contents.length === 0) {
    exchange.sendJson(
      400,
      googleError(
        400,
        "INVALID_ARGUMENT",
        "* GenerateContentRequest.contents: contents is not specified",
      ),
    );
    return;
  }
  const behaviour = await openReply(exchange, (fail, b) => geminiFailure(fail, model, b));
  if (!behaviour) return;

  const contents = body.contents.map(plainObject);
  const lastUser = contents.findLast((content) => content.role === "user");
  const plan = planReply(
    behaviour,
    exchange.nextReplyNumber(),
    contentText(lastUser?.parts),
    [
      contentText(plainObject(body.systemInstruction).parts),
      ...contents.map((content) => contentText(content.parts)),
    ].join(" "),
  );
  const usageMetadata = {
    promptTokenCount: plan.inputTokens,
    candidatesTokenCount: plan.outputTokens,
    totalTokenCount: plan.inputTokens + plan.outputTokens,
  };
  const response = (
    text: string,
    finishReason?: string,
    usage: Record<string, number> = usageMetadata,
  ) => ({
    candidates: [
      {
        content: { parts: [{ text }], role: "model" },
        ...(finishReason ? { finishReason } : {}),
        index: 0,
      },
    ],
    usageMetadata: usage,
    modelVersion: model,
    responseId: `mock${plan.replyNumber}`,
  });

  if (!streaming || exchange.record.query.alt !== "sse") {
    exchange.sendJson(200, response(plan.text, "STOP"));
    return;
  }
  const { res } = exchange;
  startSse(res);
  // Gemini repeats the prompt count on every chunk and gives the output count on the last.
  const partialUsage = { promptTokenCount: plan.inputTokens, totalTokenCount: plan.inputTokens };
  const chunks = plan.chunks;
  const finished = await streamChunks(
    exchange,
    { ...plan, chunks: chunks.slice(0, -1) },
    behaviour,
    (text) => writeSse(res, response(text, undefined, partialUsage)),
    () => writeSse(res, `{"candidates":[{"content":{"parts":[{"text":`),
  );
  if (!finished) return;
  writeSse(res, response(chunks.at(-1) ?? "", "STOP"));
  res.end();
}

/**
 * `GET /v1beta/models`: every model, with the methods it supports (the real list mixes in
 * embedding models, so one is listed too). A call without a key is refused as Google does;
 * with `requiredKey`, any other key gets Gemini's 400 API_KEY_INVALID.
 */
export function handleGeminiModels(
  exchange: Exchange,
  models: readonly string[],
  requiredKey?: string,
): void {
  const { headers, query } = exchange.record;
  const given = headers["x-goog-api-key"] ?? query.key;
  if (!given) {
    exchange.sendJson(
      403,
      googleError(
        403,
        "PERMISSION_DENIED",
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
      ),
    );
    return;
  }
  if (requiredKey !== undefined && given !== requiredKey) {
    exchange.sendJson(400, geminiFailure("invalid-key", "", {}).body);
    return;
  }
  const entry = (name: string, methods: string[]) => ({
    name: `models/${name}`,
    version: "001",
    displayName: name,
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 8192,
    supportedGenerationMethods: methods,
  });
  exchange.sendJson(200, {
    models: [
      ...models.map((name) => entry(name, ["generateContent", "countTokens"])),
      entry("text-embedding-004", ["embedContent"]),
    ],
  });
}

function googleError(code: number, status: string, message: string, details?: unknown[]) {
  return { error: { code, message, status, ...(details ? { details } : {}) } };
}

/** The status, headers and body Gemini sends for each scripted failure. */
function geminiFailure(failure: MockFailure, model: string, behaviour: MockBehaviour) {
  switch (failure) {
    case "invalid-key":
      // Gemini answers a bad key with 400, not 401.
      return {
        status: 400,
        body: googleError(
          400,
          "INVALID_ARGUMENT",
          "API key not valid. Please pass a valid API key.",
          [
            {
              "@type": "type.googleapis.com/google.rpc.ErrorInfo",
              reason: "API_KEY_INVALID",
              domain: "googleapis.com",
            },
          ],
        ),
      };
    case "model-not-found":
      return {
        status: 404,
        body: googleError(
          404,
          "NOT_FOUND",
          `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
        ),
      };
    case "rate-limit":
      return {
        status: 429,
        headers: rateLimitHeaders(behaviour),
        body: googleError(
          429,
          "RESOURCE_EXHAUSTED",
          "You exceeded your current quota, please check your plan and billing details.",
        ),
      };
    case "server-error":
      return {
        status: 500,
        body: googleError(500, "INTERNAL", "An internal error has occurred. Please retry."),
      };
    default:
      return {
        status: failure.status,
        body: googleError(
          failure.status,
          failure.status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT",
          failure.message,
        ),
      };
  }
}

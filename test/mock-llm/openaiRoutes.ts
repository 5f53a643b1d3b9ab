import { type MockBehaviour, type MockFailure, planReply, rateLimitHeaders } from "./behaviour";
import {
  contentText,
  type Exchange,
  type FailureResponse,
  openReply,
  plainObject,
} from "./exchange";
import { validateChatCompletionRequest } from "./openaiSchema";
import { streamChunks } from "./replyStream";
import { startSse, writeSse } from "./sse";

/** `POST /v1/chat/completions`, as OpenAI (and OpenAI-compatible servers such as Ollama) answer it. */
export async function handleChatCompletions(exchange: Exchange): Promise<void> {
  const invalid = validateChatCompletionRequest(exchange.body);
  if (invalid) {
    exchange.sendJson(400, {
      error: {
        message: invalid.message,
        type: "invalid_request_error",
        param: invalid.param,
        code: invalid.code,
      },
    });
    return;
  }
  const body = plainObject(exchange.body);
  const model = String(body.model);
  const behaviour = await openReply(exchange, (fail, b) => openAiFailure(fail, model, b));
  if (!behaviour) return;

  const messages = Array.isArray(body.messages) ? body.messages.map(plainObject) : [];
  const lastUser = messages.findLast((message) => message.role === "user");
  const plan = planReply(
    behaviour,
    exchange.nextReplyNumber(),
    contentText(lastUser?.content),
    messages.map((message) => contentText(message.content)).join(" "),
  );
  const id = `chatcmpl-mock${plan.replyNumber}`;
  const created = Math.floor(Date.now() / 1000);
  const usage = {
    prompt_tokens: plan.inputTokens,
    completion_tokens: plan.outputTokens,
    total_tokens: plan.inputTokens + plan.outputTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };

  if (body.stream !== true) {
    exchange.sendJson(200, {
      id,
      object: "chat.completion",
      created,
      model,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: plan.text, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: "stop",
        },
      ],
      usage,
      service_tier: "default",
      system_fingerprint: "fp_mock",
    });
    return;
  }

  const includeUsage = plainObject(body.stream_options).include_usage === true;
  // With include_usage, OpenAI puts `usage: null` on every chunk but the last.
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({
    id,
    object: "chat.completion.chunk",
    created,
    model,
    system_fingerprint: "fp_mock",
    choices,
    ...(includeUsage ? { usage: null } : {}),
    ...extra,
  });
  const choice = (delta: Record<string, unknown>, finishReason: string | null) => ({
    index: 0,
    delta,
    logprobs: null,
    finish_reason: finishReason,
  });

  startSse(exchange.res);
  writeSse(exchange.res, chunk([choice({ role: "assistant", content: "", refusal: null }, null)]));
  const finished = await streamChunks(
    exchange,
    plan,
    behaviour,
    (text) => writeSse(exchange.res, chunk([choice({ content: text }, null)])),
    // A chunk cut off mid-JSON, as a broken proxy might pass on.
    () =>
      writeSse(exchange.res, `{"id":"${id}","object":"chat.completion.chunk","choices":[{"delta":`),
  );
  if (!finished) return;
  writeSse(exchange.res, chunk([choice({}, "stop")]));
  if (includeUsage) writeSse(exchange.res, chunk([], { usage }));
  writeSse(exchange.res, "[DONE]");
  exchange.res.end();
}

/**
 * `GET /v1/models` in OpenAI's list format. With `requiredKey`, a missing or other bearer
 * token gets OpenAI's 401 (which, like OpenAI, shows only the key's ends).
 */
export function handleOpenAiModels(
  exchange: Exchange,
  models: readonly string[],
  requiredKey?: string,
): void {
  const given = /^Bearer (.+)$/.exec(exchange.record.headers.authorization ?? "")?.[1];
  if (requiredKey !== undefined && given !== requiredKey) {
    exchange.sendJson(401, {
      error: {
        message: given
          ? `Incorrect API key provided: ${maskKey(given)}. You can find your API key at https://platform.openai.com/account/api-keys.`
          : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        type: "invalid_request_error",
        param: null,
        code: given ? "invalid_api_key" : null,
      },
    });
    return;
  }
  exchange.sendJson(200, {
    object: "list",
    data: models.map((id) => ({
      id,
      object: "model",
      created: 1_700_000_000,
      owned_by: "mock-llm",
    })),
  });
}

/** The status, headers and body OpenAI sends for each scripted failure. */
function openAiFailure(
  failure: MockFailure,
  model: string,
  behaviour: MockBehaviour,
): FailureResponse {
  const error = (
    message: string,
    type: string,
    code: string | null,
    param: string | null = null,
  ) => ({
    error: { message, type, param, code },
  });
  switch (failure) {
    case "invalid-key":
      return {
        status: 401,
        body: error(
          "Incorrect API key provided: sk-mock***. You can find your API key at https://platform.openai.com/account/api-keys.",
          "invalid_request_error",
          "invalid_api_key",
        ),
      };
    case "model-not-found":
      return {
        status: 404,
        body: error(
          `The model \`${model}\` does not exist or you do not have access to it.`,
          "invalid_request_error",
          "model_not_found",
        ),
      };
    case "rate-limit":
      return {
        status: 429,
        headers: rateLimitHeaders(behaviour),
        body: error(
          `Rate limit reached for ${model} on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in ${rateLimitHeaders(behaviour)["retry-after"]}s.`,
          "requests",
          "rate_limit_exceeded",
        ),
      };
    case "server-error":
      return {
        status: 500,
        body: error(
          "The server had an error while processing your request. Sorry about that!",
          "server_error",
          null,
        ),
      };
    default:
      return {
        status: failure.status,
        body: error(
          failure.message,
          failure.status >= 500 ? "server_error" : "invalid_request_error",
          null,
        ),
      };
  }
}

/** "sk-mock-1234abcd" → "sk-m********abcd", as OpenAI quotes a refused key. */
function maskKey(key: string): string {
  if (key.length <= 8) return "*".repeat(key.length);
  return `${key.slice(0, 4)}${"*".repeat(key.length - 8)}${key.slice(-4)}`;
}

import { type MockBehaviour, type MockFailure, planReply, rateLimitHeaders } from "./behaviour";
import { contentText, type Exchange, openReply, plainObject } from "./exchange";
import { streamChunks } from "./replyStream";
import { startSse, writeSse } from "./sse";

/** `POST /v1/messages`, as Anthropic's Messages API answers it. */
export async function handleAnthropicMessages(exchange: Exchange): Promise<void> {
  const invalid = checkRequest(exchange);
  if (invalid) {
    exchange.sendJson(invalid.status, anthropicError(invalid.type, invalid.message));
    return;
  }
  const body = plainObject(exchange.body);
  const model = String(body.model);
  const behaviour = await openReply(exchange, (fail, b) => anthropicFailure(fail, model, b));
  if (!behaviour) return;

  const messages = (body.messages as unknown[]).map(plainObject);
  const lastUser = messages.findLast((message) => message.role === "user");
  const plan = planReply(
    behaviour,
    exchange.nextReplyNumber(),
    contentText(lastUser?.content),
    [contentText(body.system), ...messages.map((message) => contentText(message.content))].join(
      " ",
    ),
  );
  const id = `msg_mock${plan.replyNumber}`;

  if (body.stream !== true) {
    exchange.sendJson(200, {
      id,
      type: "message",
      role: "assistant",
      model,
      content: [{ type: "text", text: plan.text }],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: { input_tokens: plan.inputTokens, output_tokens: plan.outputTokens },
    });
    return;
  }

  const { res } = exchange;
  startSse(res);
  writeSse(
    res,
    {
      type: "message_start",
      message: {
        id,
        type: "message",
        role: "assistant",
        content: [],
        model,
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: plan.inputTokens, output_tokens: 1 },
      },
    },
    "message_start",
  );
  writeSse(
    res,
    { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
    "content_block_start",
  );
  writeSse(res, { type: "ping" }, "ping");
  const finished = await streamChunks(
    exchange,
    plan,
    behaviour,
    (text) =>
      writeSse(
        res,
        { type: "content_block_delta", index: 0, delta: { type: "text_delta", text } },
        "content_block_delta",
      ),
    () =>
      writeSse(
        res,
        `{"type":"content_block_delta","index":0,"delta":{"type":`,
        "content_block_delta",
      ),
  );
  if (!finished) return;
  writeSse(res, { type: "content_block_stop", index: 0 }, "content_block_stop");
  writeSse(
    res,
    {
      type: "message_delta",
      delta: { stop_reason: "end_turn", stop_sequence: null },
      usage: { output_tokens: plan.outputTokens },
    },
    "message_delta",
  );
  writeSse(res, { type: "message_stop" }, "message_stop");
  res.end();
}

interface Invalid {
  status: number;
  type: string;
  message: string;
}

/** The checks the real API makes before it looks at the model: headers, then required fields. */
function checkRequest(exchange: Exchange): Invalid | undefined {
  const { headers } = exchange.record;
  if (!headers["x-api-key"]) {
    return { status: 401, type: "authentication_error", message: "x-api-key header is required" };
  }
  if (!headers["anthropic-version"]) {
    return {
      status: 400,
      type: "invalid_request_error",
      message: "anthropic-version: header is required",
    };
  }
  const body = exchange.body;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return {
      status: 400,
      type: "invalid_request_error",
      message: "The request body is not valid JSON.",
    };
  }
  const fields = body as Record<string, unknown>;
  for (const field of ["model", "max_tokens", "messages"]) {
    if (fields[field] === undefined) {
      return { status: 400, type: "invalid_request_error", message: `${field}: Field required` };
    }
  }
  if (typeof fields.model !== "string") {
    return {
      status: 400,
      type: "invalid_request_error",
      message: "model: Input should be a valid string",
    };
  }
  if (!Number.isInteger(fields.max_tokens) || (fields.max_tokens as number) < 1) {
    return {
      status: 400,
      type: "invalid_request_error",
      message: "max_tokens: Input should be a valid integer greater than or equal to 1",
    };
  }
  if (!Array.isArray(fields.messages) || fields.messages.length === 0) {
    return {
      status: 400,
      type: "invalid_request_error",
      message: "messages: at least one message is required",
    };
  }
  return undefined;
}

function anthropicError(type: string, message: string) {
  return { type: "error", error: { type, message }, request_id: "req_mock" };
}

/** The status, headers and body Anthropic sends for each scripted failure. */
function anthropicFailure(failure: MockFailure, model: string, behaviour: MockBehaviour) {
  switch (failure) {
    case "invalid-key":
      return { status: 401, body: anthropicError("authentication_error", "invalid x-api-key") };
    case "model-not-found":
      return { status: 404, body: anthropicError("not_found_error", `model: ${model}`) };
    case "rate-limit":
      return {
        status: 429,
        headers: rateLimitHeaders(behaviour),
        body: anthropicError(
          "rate_limit_error",
          "This request would exceed the rate limit for your organization of 50 requests per minute. Please try again later.",
        ),
      };
    case "server-error":
      return { status: 500, body: anthropicError("api_error", "Internal server error") };
    default:
      return {
        status: failure.status,
        body: anthropicError(
          failure.status >= 500 ? "api_error" : "invalid_request_error",
          failure.message,
        ),
      };
  }
}

/**
 * `GET /v1/models` in Anthropic's list format (chosen when the request carries
 * `anthropic-version`). With `requiredKey`, any other `x-api-key` gets Anthropic's 401.
 */
export function handleAnthropicModels(
  exchange: Exchange,
  models: readonly string[],
  requiredKey?: string,
): void {
  if (requiredKey !== undefined && exchange.record.headers["x-api-key"] !== requiredKey) {
    exchange.sendJson(401, anthropicError("authentication_error", "invalid x-api-key"));
    return;
  }
  exchange.sendJson(200, {
    data: models.map((id) => ({
      type: "model",
      id,
      display_name: id,
      created_at: "2025-01-01T00:00:00Z",
    })),
    has_more: false,
    first_id: models[0] ?? null,
    last_id: models.at(-1) ?? null,
  });
}

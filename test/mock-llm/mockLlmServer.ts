import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleAnthropicMessages, handleAnthropicModels } from "./anthropicRoutes";
import type { MockBehaviour } from "./behaviour";
import type { Exchange, ExchangeEnd, RecordedRequest } from "./exchange";
import { GEMINI_PATH, handleGemini, handleGeminiModels } from "./googleRoutes";
import { handleOllamaTags } from "./ollamaRoutes";
import { handleChatCompletions, handleOpenAiModels } from "./openaiRoutes";

export type { MockBehaviour } from "./behaviour";
export type { RecordedRequest } from "./exchange";

export interface MockLlmServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** What the model lists (`GET /v1/models`, `/v1beta/models`, `/api/tags`) name. */
  models?: readonly string[];
  /**
   * When set, the model lists refuse any other key as the real provider does (401; Gemini
   * 400), so a connection test can be refused. Completion routes are unaffected.
   */
  modelsApiKey?: string;
  /** false keeps `requests` empty, so a long benchmark run does not grow memory. Default true. */
  record?: boolean;
}

export interface MockLlmServer {
  /** e.g. "http://127.0.0.1:12345", no trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Every request but CORS preflights, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Scripts the next completion requests, one behaviour each, in order. */
  enqueue: (...behaviours: MockBehaviour[]) => void;
  /** What completion requests get once the queue is empty. */
  setDefault: (behaviour: MockBehaviour) => void;
  /** Forgets requests, queue and default, and restarts the reply count at #1. */
  reset: () => void;
  /** Stops listening and drops open connections (a stream in progress is cut). */
  close: () => Promise<void>;
}

const DEFAULT_MODELS = ["gpt-4o-mini", "mock-model", "claude-sonnet-4-5", "gemini-2.5-flash"];

/** Starts the mock LLM server; resolves once it listens. */
export async function startMockLlmServer(
  options: MockLlmServerOptions = {},
): Promise<MockLlmServer> {
  const models = options.models ?? DEFAULT_MODELS;
  const requests: RecordedRequest[] = [];
  let queue: MockBehaviour[] = [];
  let defaultBehaviour: MockBehaviour = {};
  let replyCount = 0;

  const server = createServer((req, res) => {
    allowCors(res);
    if (req.method === "OPTIONS") {
      answerPreflight(req, res);
      return;
    }
    void readBody(req).then(
      async (body) => {
        const exchange = openExchange(req, res, body);
        if (options.record !== false) requests.push(exchange.record);
        try {
          await route(exchange);
        } catch (error) {
          // A bug in the mock must fail the test loudly, not hang it.
          if (!res.headersSent) exchange.sendJson(500, { error: { message: String(error) } });
          else res.destroy();
        }
      },
      () => res.destroy(),
    );
  });

  function openExchange(req: IncomingMessage, res: ServerResponse, body: unknown): Exchange {
    const url = new URL(req.url ?? "/", "http://mock");
    let closed = false;
    let cutByServer = false;
    let settle: (end: ExchangeEnd) => void = () => {};
    const ended = new Promise<ExchangeEnd>((resolve) => {
      settle = resolve;
    });
    res.once("close", () => {
      closed = true;
      settle(cutByServer ? "server-cut" : res.writableFinished ? "completed" : "client-closed");
    });
    return {
      req,
      res,
      body,
      record: {
        method: req.method ?? "GET",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: flattenHeaders(req),
        body,
        ended,
      },
      takeBehaviour: () => queue.shift() ?? defaultBehaviour,
      nextReplyNumber: () => {
        replyCount += 1;
        return replyCount;
      },
      isClosed: () => closed,
      sleep: (ms) =>
        new Promise<void>((resolve) => {
          if (closed) return resolve();
          const done = () => {
            clearTimeout(timer);
            res.off("close", done);
            resolve();
          };
          const timer = setTimeout(done, ms);
          res.once("close", done);
        }),
      cut: () => {
        cutByServer = true;
        res.destroy();
      },
      sendJson: (status, payload, headers = {}) => {
        if (closed) return;
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(payload));
      },
    };
  }

  async function route(exchange: Exchange): Promise<void> {
    const { method, path, headers } = exchange.record;
    if (method === "POST" && path === "/v1/chat/completions")
      return handleChatCompletions(exchange);
    if (method === "POST" && path === "/v1/messages") return handleAnthropicMessages(exchange);
    if (method === "POST" && GEMINI_PATH.test(path)) return handleGemini(exchange);
    if (method === "GET" && path === "/v1/models") {
      // One path, two providers: Anthropic's clients always send anthropic-version.
      if (headers["anthropic-version"]) {
        return handleAnthropicModels(exchange, models, options.modelsApiKey);
      }
      return handleOpenAiModels(exchange, models, options.modelsApiKey);
    }
    if (method === "GET" && path === "/v1beta/models") {
      return handleGeminiModels(exchange, models, options.modelsApiKey);
    }
    // Ollama's own list, which the Settings connection test falls back to.
    if (method === "GET" && path === "/api/tags") return handleOllamaTags(exchange, models);
    exchange.sendJson(404, {
      error: {
        message: `Unknown request to ${method} ${path}. The mock LLM server speaks POST /v1/chat/completions, POST /v1/messages, GET /v1/models, POST /v1beta/models/{model}:generateContent, GET /v1beta/models and GET /api/tags.`,
        type: "invalid_request_error",
        param: null,
        code: "unknown_url",
      },
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    requests,
    enqueue: (...behaviours) => {
      queue.push(...behaviours);
    },
    setDefault: (behaviour) => {
      defaultBehaviour = behaviour;
    },
    reset: () => {
      requests.length = 0;
      queue = [];
      defaultBehaviour = {};
      replyCount = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Browsers call the mock from the app's origin; every answer, errors included, must allow it. */
function allowCors(res: ServerResponse): void {
  res.setHeader("access-control-allow-origin", "*");
  res.setHeader("access-control-expose-headers", "retry-after, retry-after-ms, x-request-id");
}

function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  // Echoed rather than "*": a wildcard does not cover `authorization` (Fetch standard).
  const requested = req.headers["access-control-request-headers"];
  res.writeHead(204, {
    "access-control-allow-methods": "GET, POST, OPTIONS",
    "access-control-allow-headers": requested ?? "*",
    "access-control-max-age": "600",
  });
  res.end();
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString("utf8");
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

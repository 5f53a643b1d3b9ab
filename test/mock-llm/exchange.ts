import type { IncomingMessage, ServerResponse } from "node:http";
import type { MockBehaviour, MockFailure } from "./behaviour";

/** How one exchange ended, as the server saw it. */
export type ExchangeEnd = "completed" | "client-closed" | "server-cut";

/** One request as the server received it (CORS preflights are not recorded). */
export interface RecordedRequest {
  method: string;
  /** The URL path without the query string, e.g. "/v1/chat/completions". */
  path: string;
  /** The query string parameters, e.g. `{ alt: "sse" }`. */
  query: Record<string, string>;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The parsed JSON body, or undefined when there was none (or the raw text if it was not JSON). */
  body: unknown;
  /** Settles when the exchange is over; "client-closed" means the caller hung up first (Stop). */
  ended: Promise<ExchangeEnd>;
}

/** One request in flight, with the helpers routes use to answer it. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  record: RecordedRequest;
  body: unknown;
  /** What the test scripted for this request (consumed only by completion routes). */
  takeBehaviour: () => MockBehaviour;
  /** 1-based number of completion requests since start or reset; call once per completion. */
  nextReplyNumber: () => number;
  /** True once the client hung up; routes stop writing then. */
  isClosed: () => boolean;
  /** Waits, returning early if the client hangs up. */
  sleep: (ms: number) => Promise<void>;
  /** Drops the connection mid-response, as a crashed server or a broken network would. */
  cut: () => void;
  sendJson: (status: number, body: unknown, headers?: Record<string, string>) => void;
}

export function plainObject(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The text of a message content that may be a string or an array of `{type:"text", text}` parts. */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => {
      const text = plainObject(part).text;
      return typeof text === "string" ? text : "";
    })
    .join("");
}

/** A scripted failure as one provider answers it. */
export interface FailureResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * Takes the request's scripted behaviour and plays its opening: the slow start, then a
 * scripted failure in the provider's own shape. Returns the behaviour when the route should
 * go on to reply, or null when it has answered already or the caller hung up.
 */
export async function openReply(
  exchange: Exchange,
  failureResponse: (failure: MockFailure, behaviour: MockBehaviour) => FailureResponse,
): Promise<MockBehaviour | null> {
  const behaviour = exchange.takeBehaviour();
  if (behaviour.startDelayMs) await exchange.sleep(behaviour.startDelayMs);
  if (behaviour.hang) {
    // Held until the client hangs up (or the server closes): a server that never answers.
    await exchange.record.ended;
    return null;
  }
  if (exchange.isClosed()) return null;
  if (behaviour.fail) {
    const failure = failureResponse(behaviour.fail, behaviour);
    exchange.sendJson(failure.status, failure.body, failure.headers);
    return null;
  }
  return behaviour;
}

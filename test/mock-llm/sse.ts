import type { ServerResponse } from "node:http";

/** Sends the headers of a server-sent-events response; CORS headers are already set. */
export function startSse(res: ServerResponse): void {
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  // Without this, Node may hold the headers back until the first chunk, hiding a slow stream.
  res.flushHeaders();
}

/** One SSE event: an optional `event:` line, one `data:` line, and the blank line that ends it. */
export function writeSse(res: ServerResponse, data: unknown, event?: string): void {
  const payload = typeof data === "string" ? data : JSON.stringify(data);
  res.write(`${event ? `event: ${event}\n` : ""}data: ${payload}\n\n`);
}

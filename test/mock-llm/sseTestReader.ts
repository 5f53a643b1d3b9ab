/** One server-sent event as a test sees it: the `event:` name (if any) and the raw `data:` text. */
export interface SseEvent {
  event?: string;
  data: string;
}

/** Splits an SSE body into events the way a browser's EventSource parser would. */
export function parseSse(text: string): SseEvent[] {
  return text
    .split(/\r?\n\r?\n/)
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const event: SseEvent = { data: "" };
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith("event:")) event.event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      }
      event.data = data.join("\n");
      return event;
    });
}

/** The JSON of each event's data, skipping OpenAI's `[DONE]` marker. */
export function sseJson(events: readonly SseEvent[]): Record<string, unknown>[] {
  return events.filter((event) => event.data !== "[DONE]").map((event) => JSON.parse(event.data));
}

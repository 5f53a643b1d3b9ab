/**
 * The SDKs parse a streamed reply event by event, and a server can send thousands of tiny
 * events in one network read: parsed in one go, they held the page for seconds. This fetch
 * hands a response body on in pieces of at most PIECE_BYTES, letting the page handle input
 * and draw between pieces, so no one piece of parsing takes long.
 */
const PIECE_BYTES = 4 * 1024;

/** A macrotask: whatever the page has waiting (input, rendering) runs first. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export const pacedFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (!response.body) return response;
  return new Response(inPieces(response.body), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};

export function inPieces(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let rest: Uint8Array | null = null;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (rest === null) {
          const { done, value } = await reader.read();
          if (done) {
            controller.close();
            return;
          }
          rest = value;
        } else {
          await yieldToPage();
        }
        const piece: Uint8Array = rest.subarray(0, PIECE_BYTES);
        rest = rest.length > PIECE_BYTES ? rest.subarray(PIECE_BYTES) : null;
        controller.enqueue(piece);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    // Nothing read ahead: the next piece is made when the parser asks for it.
    { highWaterMark: 0 },
  );
}

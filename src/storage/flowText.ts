import type { Flow } from "../engine/flow";

/** Each slice of the work runs about this long before the page gets its thread back. */
const SLICE_MS = 8;
/** How many items are written between two looks at the clock. */
const ITEMS_PER_CHECK = 64;

/** A task of its own for what follows: input, rendering and timers run in between. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * `JSON.stringify(flow)`, character for character, written a slice at a time: for 50,000 nodes
 * one call held the page 30 to 180 ms on every autosave. Handing the flow to a worker instead
 * costs more on the page's thread than the text itself: the flow is copied there with the
 * structured clone algorithm, about 3 times as slow as JSON.stringify (measured in Chromium).
 * The flow must not change while it is written: the editor never changes a flow in place, each
 * edit makes a new one.
 */
export async function flowToText(
  flow: Flow,
  now: () => number = () => performance.now(),
): Promise<string> {
  let sliceStart = now();
  const parts: string[] = [];
  for (const [key, value] of Object.entries(flow)) {
    if (!Array.isArray(value)) {
      // undefined, as JSON.stringify leaves such a key out.
      const text: string | undefined = JSON.stringify(value);
      if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
      continue;
    }
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) {
      // An array's undefined is written as null by JSON.stringify.
      items.push(JSON.stringify(value[i]) ?? "null");
      if (i % ITEMS_PER_CHECK === ITEMS_PER_CHECK - 1 && now() - sliceStart > SLICE_MS) {
        await nextTask();
        sliceStart = now();
      }
    }
    parts.push(`${JSON.stringify(key)}:[${items.join(",")}]`);
  }
  return `{${parts.join(",")}}`;
}

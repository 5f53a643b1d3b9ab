import { markdownToHast } from "./markdownToHast";

/** One request: the reply's text, and a number the answer carries back. */
export interface MarkdownRequest {
  id: number;
  text: string;
}

/** Parses replies' Markdown off the page's thread (see markdownFormatter.ts). */
// Typed through the DOM library (the project builds against it): `self` is the worker scope.
self.onmessage = (event: MessageEvent<MarkdownRequest>) => {
  const { id, text } = event.data;
  self.postMessage({ id, result: markdownToHast(text) });
};

import type { FlowImport } from "./readImportFile";
import { readImportFile } from "./readImportFile";

/**
 * What the worker answers: the import, with a previewed flow as JSON text. The page would
 * rebuild a posted flow object with the structured clone algorithm, in one task and about ten
 * times slower than JSON.parse (half a second for 50,000 nodes).
 */
export type WorkerAnswer =
  | { import: FlowImport }
  | { import: Omit<Extract<FlowImport, { kind: "preview" }>, "flow">; flowText: string };

/**
 * Reads a chosen or dropped file off the page's thread (importReader.ts): a 50,000-node flow
 * takes about a second to parse and check, which would hold the page that long.
 */
// Typed through the DOM library (the project builds against it): `self` is the worker scope.
self.onmessage = async (event: MessageEvent<File>) => {
  const read = await readImportFile(event.data);
  if (read.kind !== "preview") {
    self.postMessage({ import: read } satisfies WorkerAnswer);
    return;
  }
  const { flow, ...rest } = read;
  self.postMessage({ import: rest, flowText: JSON.stringify(flow) } satisfies WorkerAnswer);
};

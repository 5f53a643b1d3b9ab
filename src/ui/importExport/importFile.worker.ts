import { readImportFile } from "./readImportFile";

/**
 * Reads a chosen or dropped file off the page's thread (importReader.ts): a 50,000-node flow
 * takes about a second to parse and check, which would hold the page that long.
 */
// Typed through the DOM library (the project builds against it): `self` is the worker scope.
self.onmessage = async (event: MessageEvent<File>) => {
  self.postMessage(await readImportFile(event.data));
};

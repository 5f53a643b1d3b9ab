import type { Flow } from "../../engine/flow";
import type { WorkerAnswer } from "./importFile.worker";
import type { FlowImport, ImportFile } from "./readImportFile";

/** The reader in place: for files that are not Blobs (tests) and where there is no Worker. */
const readInPlace = (file: ImportFile) =>
  import("./readImportFile").then(({ readImportFile }) => readImportFile(file));

const stopped = (fileName: string, why: string): FlowImport => ({
  kind: "refused",
  fileName,
  errors: [{ path: "", message: `Could not read the file: ${why}` }],
});

/**
 * Reads a file in a Web Worker of its own, ended once it answers: JSON, schema and checks of a
 * large flow take long enough to freeze the page. What comes back is a copy of the worker's
 * result, so the flow it holds belongs to the caller alone.
 */
export function readImportFileOffThread(file: ImportFile): Promise<FlowImport> {
  if (typeof Worker !== "function" || !(file instanceof Blob)) return readInPlace(file);
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./importFile.worker.ts", import.meta.url), {
      type: "module",
    });
    const done = (result: FlowImport) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = ({ data }: MessageEvent<WorkerAnswer>) => {
      if (!("flowText" in data)) return done(data.import);
      done({ ...data.import, flow: JSON.parse(data.flowText) as Flow });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      done(stopped(file.name, event.message || "the reader stopped."));
    };
    worker.onmessageerror = () => done(stopped(file.name, "its contents could not be passed on."));
    worker.postMessage(file);
  });
}

import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".map": "application/json",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/**
 * A blank page on the served origin. Unlike `vite preview` there is no SPA fallback: an unknown
 * path gets this page, which runs none of the app's code, so the benchmark can seed the app's
 * IndexedDB from it before the app first opens the database.
 */
export const BLANK_PATH = "/__bench_blank";
const NOT_FOUND = "<!doctype html><title>not found</title>";

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves one build folder on 127.0.0.1 at a free port, files as they are (no compression). */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const file = normalize(join(root, path === "/" ? "index.html" : decodeURIComponent(path)));
    try {
      if (!file.startsWith(root + sep) || !(await stat(file)).isFile()) throw new Error("no file");
      const body = await readFile(file);
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
      });
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": TYPES[".html"] as string });
      response.end(NOT_FOUND);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { formatBytes, progress } from "./stats";
import { atMostRow, infoRow, type Row } from "./table";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** Git-ignored, so a fresh build here never disturbs dist/ or shows up as a change. */
const BENCH_OUT_DIR = ".bench/dist";
/**
 * What the first page may fetch before it runs, gzipped: React, React Flow and its minimap
 * alone take about 124 KB, so this leaves the app about 36 KB. Checked by `npm run check:size`
 * (part of `npm test`) and by the bench, with the same measure.
 */
export const FIRST_PAGE_BUDGET_BYTES = 160 * 1024;
/**
 * Strings that survive minification and occur only in the AI SDK (checked by hand in the lazy
 * aiSdkProvider chunk, absent from the main one): a header name the Anthropic client sends,
 * the prefix of the SDK's error markers, and its package scope.
 */
const AI_SDK_MARKERS = ["anthropic-version", "vercel.ai.error", "@ai-sdk/"] as const;

/** Builds the app into BENCH_OUT_DIR and returns that directory. */
function buildFresh(): string {
  progress(`bundle: vite build --outDir ${BENCH_OUT_DIR}`);
  const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
  execFileSync(
    process.execPath,
    [vite, "build", "--outDir", BENCH_OUT_DIR, "--emptyOutDir", "--logLevel", "warn"],
    { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] },
  );
  return join(ROOT, BENCH_OUT_DIR);
}

/** `name="value"` pairs of one tag's attribute text; valueless attributes map to "". */
function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(/([\w-]+)(?:\s*=\s*"([^"]*)")?/g)) {
    found.set((m[1] as string).toLowerCase(), m[2] ?? "");
  }
  return found;
}

/**
 * The scripts the browser fetches before the first page can run: entry modules and preloads,
 * each once (the entry is also preloaded, ahead of theme.js: build/entryBeforeTheme.ts).
 */
export function initialScripts(html: string): string[] {
  const files: string[] = [];
  for (const tag of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attrs = attributes(tag[2] as string);
    const isScript = (tag[1] as string).toLowerCase() === "script";
    const url = isScript
      ? attrs.get("type") === "module" && attrs.get("src")
      : attrs.get("rel") === "modulepreload" && attrs.get("href");
    if (url && !files.includes(url)) files.push(url);
  }
  return files;
}

/** The chunks a chunk imports statically, by URL, as in `from"./x.js"` or `import"./x.js"`. */
export function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)].map(
    (m) => `/assets/${m[1] as string}`,
  );
}

/** `urls` and every chunk they import statically, however deep. */
function withImports(urls: readonly string[], read: (url: string) => Buffer): Set<string> {
  const seen = new Set<string>();
  const queue = [...urls];
  for (let url = queue.pop(); url !== undefined; url = queue.pop()) {
    if (seen.has(url)) continue;
    seen.add(url);
    queue.push(...staticImports(read(url).toString("utf8")));
  }
  return seen;
}

/** The chunk of each AI SDK provider (src/engine/providers/sdk/*Model.ts), named in the table. */
const PROVIDER_CHUNKS = {
  OpenAI: "openaiModel",
  Anthropic: "anthropicModel",
  Google: "googleModel",
  "OpenAI-compatible": "openaiCompatibleModel",
} as const;

/**
 * What the first call to each hosted provider fetches, gzipped: the AI SDK core chunk, that
 * provider's chunk and whatever they import, less what the first page already has. Shown for
 * context, without a budget; "no chunk" means the provider lost its own chunk.
 */
function providerCallRows(
  outDir: string,
  initial: readonly string[],
  read: (url: string) => Buffer,
): Row[] {
  const scripts = allScripts(outDir);
  const chunk = (name: string) => scripts.find((url) => url.startsWith(`/assets/${name}-`));
  const gzipped = (url: string) => gzipSync(read(url), { level: 9 }).length;
  const core = chunk("aiSdkProvider");
  return Object.entries(PROVIDER_CHUNKS).map(([title, name]) => {
    const own = chunk(name);
    const figure = `first ${title} call fetches, gzip -9`;
    if (!core || !own) return infoRow(figure, "no chunk", false);
    const fetched = [...withImports([core, own], read)].filter((url) => !initial.includes(url));
    const total = fetched.reduce((sum, url) => sum + gzipped(url), 0);
    return infoRow(figure, `${formatBytes(total)}, its own chunk ${formatBytes(gzipped(own))}`);
  });
}

/** Every .js file of the build, relative to its root, as the html would link it. */
function allScripts(outDir: string): string[] {
  return readdirSync(join(outDir, "assets"))
    .filter((f) => f.endsWith(".js"))
    .map((f) => `/assets/${f}`);
}

/**
 * Initial JavaScript gzipped, and whether the AI SDK leaked into it. Measures a fresh build,
 * or with `build: false` the build already in `outDir` (dist/ by default).
 */
export function bundleRows(options: {
  build: boolean;
  outDir?: string;
  /** Also list what the first call to each hosted provider fetches. */
  providerCalls?: boolean;
}): Row[] {
  const outDir = options.build ? buildFresh() : (options.outDir ?? join(ROOT, "dist"));
  if (!options.build) progress(`bundle: measuring the build in ${outDir}`);
  const initial = initialScripts(readFileSync(join(outDir, "index.html"), "utf8"));
  if (initial.length === 0) throw new Error(`${outDir}/index.html links no module script`);
  // Root-relative URLs: the app is served from "/", so "/assets/x.js" is outDir/assets/x.js.
  const read = (url: string) => readFileSync(join(outDir, url.replace(/^\//, "")));

  const gzipped = initial.reduce((sum, url) => sum + gzipSync(read(url), { level: 9 }).length, 0);
  const leaked = initial.filter((url) => {
    const text = read(url).toString("utf8");
    return AI_SDK_MARKERS.some((marker) => text.includes(marker));
  });
  // A marker that no chunk contains would make "not in the first page" vacuously true.
  const lazy = allScripts(outDir).filter((url) => !initial.includes(url));
  const markerSeen = lazy.some((url) => {
    const text = read(url).toString("utf8");
    return AI_SDK_MARKERS.some((marker) => text.includes(marker));
  });

  const files = `${initial.length} file${initial.length === 1 ? "" : "s"}`;
  return [
    atMostRow(`initial JS, gzip -9 (${files})`, gzipped, FIRST_PAGE_BUDGET_BYTES, formatBytes),
    {
      figure: "AI SDK in first page",
      value: leaked.length > 0 ? `yes (${leaked.join(", ")})` : markerSeen ? "no" : "unknown",
      budget: "no",
      ok: leaked.length === 0 && markerSeen,
    },
    ...(options.providerCalls ? providerCallRows(outDir, initial, read) : []),
  ];
}

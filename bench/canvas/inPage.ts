/*
 * Code that runs inside the benchmarked pages. Playwright sends each function as its source
 * text, so every function here is self-contained: it may use browser globals and its own
 * arguments, nothing from this module's scope.
 */

/**
 * tsx compiles this file with esbuild's keepNames, which wraps inner functions in a `__name`
 * helper that exists only in Node. Defining a do-nothing one in the page (before the page's own
 * scripts, and only if absent) lets the functions below run there unchanged.
 */
export const NAME_SHIM = "globalThis.__name ??= (fn) => fn;";

/** What the open probe saw on the frame the canvas settled, or why it gave up. */
export interface OpenResult {
  /** performance.now() of the frame after the final state first appeared: navigation → painted. */
  openMs?: number;
  error?: string;
  nodes: number;
  edges: number;
  minimapNodes: number;
  canvas: { width: number; height: number } | null;
  /**
   * The view once open: its zoom and how many nodes lie on screen (in the DOM is not the same:
   * React Flow keeps off-screen nodes unless onlyRenderVisibleElements). What each page draws
   * on every pan frame depends on these, so they explain the frame rates.
   */
  view?: { zoom: number | null; onScreen: number };
  /** The page's visible text when it failed, to say what the user would see instead. */
  text?: string;
}

export interface FrameCount {
  frames: number;
  ms: number;
  /** Frames on which the dragged thing (viewport or node) had moved: 0 means nothing moved. */
  moved: number;
}

export interface ProbeOptions {
  /** The canvas counts as open once nothing about it changed for this long. */
  stableMs: number;
  /** Give up early when the page has no `.react-flow` element at all after this long. */
  noCanvasMs: number;
  timeoutMs: number;
}

/** The probe's handles on `window`, for the evaluate calls below and in measure.ts. */
export interface BenchWindow {
  __bench: {
    opened: Promise<OpenResult>;
    startFrames(selector: string): void;
    stopFrames(): FrameCount;
  };
}

/**
 * Installed before any page script runs (an init script), on every document of the context.
 * Each animation frame it reads what React Flow has drawn: node elements, how many of them are
 * measured (React Flow keeps a node `visibility: hidden` until it has its size), edges, minimap
 * nodes and the viewport transform (fitView moves it once the nodes are measured). The page is
 * open when that reading has not changed for `stableMs`; the time reported is that of the frame
 * after the final reading first appeared, by which the browser has rendered it.
 */
export function installProbe(options: ProbeOptions): void {
  const w = window as unknown as BenchWindow;
  let settle: (result: OpenResult) => void = () => {};
  const opened = new Promise<OpenResult>((resolve) => {
    settle = resolve;
  });
  let lastKey = "";
  let pending = false;
  let changedAt = 0;

  const read = () => {
    const nodes = document.querySelectorAll<HTMLElement>(".react-flow__node");
    let shown = 0;
    for (const node of nodes) if (node.style.visibility === "visible") shown++;
    const flow = document.querySelector(".react-flow");
    const rect = flow?.getBoundingClientRect();
    return {
      nodes: nodes.length,
      shown,
      edges: document.querySelectorAll(".react-flow__edge").length,
      minimapNodes: document.querySelectorAll(".react-flow__minimap-node").length,
      viewport: document.querySelector<HTMLElement>(".react-flow__viewport")?.style.transform ?? "",
      canvas: rect ? { width: Math.round(rect.width), height: Math.round(rect.height) } : null,
    };
  };

  const view = () => {
    const viewport = document.querySelector<HTMLElement>(".react-flow__viewport");
    const scale = /scale\(([\d.]+)\)/.exec(viewport?.style.transform ?? "");
    const area = document.querySelector(".react-flow")?.getBoundingClientRect();
    let onScreen = 0;
    for (const node of document.querySelectorAll(".react-flow__node")) {
      const b = node.getBoundingClientRect();
      const inside =
        area &&
        b.right > area.left &&
        b.left < area.right &&
        b.bottom > area.top &&
        b.top < area.bottom;
      if (inside) onScreen++;
    }
    return { zoom: scale ? Number(scale[1]) : null, onScreen };
  };

  const tick = () => {
    const now = performance.now();
    const seen = read();
    const key = JSON.stringify(seen);
    // The change seen on the previous frame has been rendered by the time this frame starts.
    if (pending) {
      changedAt = now;
      pending = false;
    }
    if (key !== lastKey) {
      lastKey = key;
      pending = true;
    }
    const { nodes, edges, minimapNodes, canvas } = seen;
    const counts = { nodes, edges, minimapNodes, canvas };
    if (!pending && nodes > 0 && seen.shown === nodes && now - changedAt >= options.stableMs) {
      settle({ openMs: changedAt, ...counts, view: view() });
      return;
    }
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, without the contents of scripts or styles
    const text = () => (document.body?.innerText ?? "").replace(/\s+/g, " ").slice(0, 120);
    if (canvas === null && now >= options.noCanvasMs) {
      settle({ error: "no canvas (.react-flow) on the page", text: text(), ...counts });
      return;
    }
    if (now >= options.timeoutMs) {
      const what = `${seen.shown}/${nodes} nodes measured, ${edges} edges`;
      const error = `canvas did not settle in ${options.timeoutMs / 1000} s (${what})`;
      settle({ error, text: text(), ...counts });
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);

  let counter: { start: number; frames: number; moved: number; stop: boolean } | null = null;
  w.__bench = {
    opened,
    startFrames(selector) {
      const state = { start: performance.now(), frames: 0, moved: 0, stop: false };
      counter = state;
      let last = document.querySelector<HTMLElement>(selector)?.style.transform;
      const frame = () => {
        if (state.stop) return;
        state.frames++;
        const now = document.querySelector<HTMLElement>(selector)?.style.transform;
        if (now !== last) state.moved++;
        last = now;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    },
    stopFrames() {
      if (!counter) throw new Error("stopFrames without startFrames");
      counter.stop = true;
      return {
        frames: counter.frames,
        ms: performance.now() - counter.start,
        moved: counter.moved,
      };
    },
  };
}

export interface Point {
  x: number;
  y: number;
}

/** How far the pointer strays from where it pressed: `x ± dx`, `y ± dy` (see measure.ts). */
export interface Reach {
  dx: number;
  dy: number;
}

/**
 * An empty spot of the pane, as near the canvas centre as possible, with room around it for the
 * pointer's whole path (kept 40 px further in, clear of React Flow's auto-pan border), so the
 * drag pans and does nothing else. Null when the canvas is missing or has no bare pane in reach.
 */
export function findPanPoint(reach: Reach): Point | null {
  const flow = document.querySelector(".react-flow");
  if (!flow) return null;
  const r = flow.getBoundingClientRect();
  const cx = r.left + r.width / 2;
  const cy = r.top + r.height / 2;
  // Nearest first, stopping at the first hit: each elementFromPoint costs milliseconds over
  // 1,000 nodes, so testing the whole grid would take tens of seconds.
  const spots: Point[] = [];
  for (let y = r.top + reach.dy + 40; y <= r.bottom - reach.dy - 40; y += 10) {
    for (let x = r.left + reach.dx + 40; x <= r.right - reach.dx - 40; x += 10) {
      spots.push({ x: Math.round(x), y: Math.round(y) });
    }
  }
  const d = (p: Point) => (p.x - cx) ** 2 + (p.y - cy) ** 2;
  spots.sort((a, b) => d(a) - d(b));
  return (
    spots.find((p) =>
      document.elementFromPoint(p.x, p.y)?.classList.contains("react-flow__pane"),
    ) ?? null
  );
}

/**
 * A point that grabs a whole node (not a button, field, handle or anything marked `nodrag`
 * inside it), on the node nearest the canvas centre that has room for the pointer's path.
 * Returns the node's React Flow id so the frame counter can watch that node move.
 */
export function findDragPoint(reach: Reach): (Point & { id: string }) | null {
  const flow = document.querySelector(".react-flow");
  if (!flow) return null;
  const r = flow.getBoundingClientRect();
  const cx = r.left + r.width / 2;
  const cy = r.top + r.height / 2;
  const fits = (x: number, y: number) =>
    x >= r.left + reach.dx + 40 &&
    x <= r.right - reach.dx - 40 &&
    y >= r.top + reach.dy + 40 &&
    y <= r.bottom - reach.dy - 40;
  const notDraggable = ".nodrag, .react-flow__handle, button, input, textarea, select, a, label";
  let best: (Point & { id: string; d: number }) | null = null;
  for (const node of document.querySelectorAll<HTMLElement>(".react-flow__node")) {
    const b = node.getBoundingClientRect();
    const id = node.dataset.id;
    if (!id || b.width === 0) continue;
    // The middle first, then the title strip and the left edge, where nodes rarely put controls.
    const tries: [number, number][] = [
      [b.left + b.width / 2, b.top + b.height / 2],
      [b.left + b.width / 2, b.top + 6],
      [b.left + 6, b.top + b.height / 2],
    ];
    for (const [x, y] of tries) {
      if (!fits(x, y)) continue;
      const hit = document.elementFromPoint(x, y);
      if (hit?.closest(".react-flow__node") !== node || hit.closest(notDraggable)) continue;
      const d = (x - cx) ** 2 + (y - cy) ** 2;
      if (!best || d < best.d) best = { x: Math.round(x), y: Math.round(y), id, d };
      break;
    }
  }
  return best && { x: best.x, y: best.y, id: best.id };
}

/** Every name the seed needs, passed in because a page function cannot import them. */
export interface SeedArgs {
  dbName: string;
  dbVersion: number;
  store: {
    flows: string;
    conversations: string;
    runs: string;
    memoryMessages: string;
    memorySummaries: string;
    settings: string;
  };
  index: {
    flowsByUpdatedAt: string;
    conversationsByFlowId: string;
    conversationsByFlowIdUpdatedAt: string;
    runsByConversationId: string;
    messagesByConversationId: string;
    summariesByConversationId: string;
  };
  lastFlowIdKey: string;
  /** A FlowRecord; `id` is its key. */
  record: { readonly id: string };
}

/**
 * Node only: seeds a fake-indexeddb factory to compare with openDatabase's result. Kept out of
 * SeedArgs, which Playwright's argument types cannot recurse through (the DOM types are deep).
 */
export type SeedArgsInNode = SeedArgs & { factory: IDBFactory };

/**
 * Creates the app's database as src/storage/openDatabase.ts's upgrade ladder does (same
 * stores, key paths and indexes: checked against it in Node by checkSeedSchema), stores one flow
 * and points "lastFlowId" at it, so the app opens on that flow. Raw IndexedDB: the page has no
 * idb library, and the shipped app gains no benchmark hook.
 */
export async function seedDatabase(args: SeedArgs): Promise<void> {
  const { store, index } = args;
  const factory = (args as Partial<SeedArgsInNode>).factory ?? indexedDB;
  const request = factory.open(args.dbName, args.dbVersion);
  request.onupgradeneeded = () => {
    const db = request.result;
    db.createObjectStore(store.flows, { keyPath: "id" }).createIndex(
      index.flowsByUpdatedAt,
      "updatedAt",
    );
    const conversations = db.createObjectStore(store.conversations, { keyPath: "id" });
    conversations.createIndex(index.conversationsByFlowId, "flowId");
    conversations.createIndex(index.conversationsByFlowIdUpdatedAt, ["flowId", "updatedAt"]);
    const runs = db.createObjectStore(store.runs, { keyPath: "id" });
    runs.createIndex(index.runsByConversationId, "conversationId");
    db.createObjectStore(store.memoryMessages, { keyPath: "id" }).createIndex(
      index.messagesByConversationId,
      "conversationId",
    );
    db.createObjectStore(store.memorySummaries, { keyPath: ["memoryId", "coversId"] }).createIndex(
      index.summariesByConversationId,
      "conversationId",
    );
    db.createObjectStore(store.settings);
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction([store.flows, store.settings], "readwrite");
  tx.objectStore(store.flows).put(args.record);
  tx.objectStore(store.settings).put(args.record.id, args.lastFlowIdKey);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error("seed transaction aborted"));
  });
  // Closed before the app opens the database, so nothing of the seed lingers in its way.
  db.close();
}

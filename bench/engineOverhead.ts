import type { Flow } from "../src/engine/flow";
import { InMemorySaver } from "../src/engine/InMemorySaver";
import { conversationId, flowId, type RunId } from "../src/engine/ids";
import { defaultProviders } from "../src/engine/providerRegistry";
import { runFlowToEnd } from "../src/engine/runFlow";
import type { Saver } from "../src/engine/saver";
import { chainFlow, fanOutFlow } from "./benchFlows";
import { openBenchStorage } from "./fakeStorage";
import { formatMs, median, progress } from "./stats";
import { belowRow, type Row } from "./table";

const WARMUP_TURNS = 2;
const MEASURED_TURNS = 7;
/**
 * A scenario stops taking samples after this long (keeping at least one measured run), so a
 * pathologically slow engine still prints its table in a couple of minutes instead of hours.
 */
const SCENARIO_TIME_CAP_MS = 15_000;
const BUDGET_MS_PER_NODE = { memory: 1, indexeddb: 3 } as const;

type SaverKind = keyof typeof BUDGET_MS_PER_NODE;

interface Measurement {
  msPerNode: number;
  runs: number;
}

/**
 * Runs one conversation of warm-up plus measured turns, each continuing the previous run so
 * the memory windows read real history, and returns the median milliseconds per node.
 */
async function measure(flow: Flow, saver: Saver, label: string): Promise<Measurement> {
  const conversation = conversationId(`bench-${label}`);
  let parentRunId: RunId | null = null;
  const samples: number[] = [];
  const scenarioStarted = performance.now();
  const overCap = () => performance.now() - scenarioStarted > SCENARIO_TIME_CAP_MS;
  for (let turn = 0; samples.length < MEASURED_TURNS; turn++) {
    if (samples.length > 0 && overCap()) break;
    // The first turn always warms up; a second one only if there is time for it.
    const warmup = turn === 0 || (turn < WARMUP_TURNS && !overCap());
    const started = performance.now();
    const snapshot = await runFlowToEnd({
      flow,
      flowId: flowId("bench"),
      input: `Turn ${turn}: how is the weather today?`,
      conversationId: conversation,
      parentRunId,
      saver,
      providers: defaultProviders,
    });
    const elapsed = performance.now() - started;
    // A failed run skips nodes and would look fast: refuse to report it.
    if (snapshot.status !== "ok") throw new Error(`${label}: run ended ${snapshot.status}`);
    parentRunId = snapshot.id;
    if (!warmup) samples.push(elapsed / flow.nodes.length);
  }
  return { msPerNode: median(samples), runs: samples.length };
}

async function withSaver<T>(kind: SaverKind, use: (saver: Saver) => Promise<T>): Promise<T> {
  if (kind === "memory") return use(new InMemorySaver());
  const storage = await openBenchStorage();
  try {
    // The app creates a conversation with its first run (the saver refuses a run without
    // one): the bench does the same, once per conversation.
    const created = new Set<string>();
    const saver: Saver = {
      loadRun: (id) => storage.saver.loadRun(id),
      readBack: (head, limit) => storage.saver.readBack(head, limit),
      saveDraft: (run) => storage.saver.saveDraft(run),
      finishRun: (run, messages, flowHeads, summaries) =>
        storage.saver.finishRun(run, messages, flowHeads, summaries),
      loadSummary: (memory, coversId) => storage.saver.loadSummary(memory, coversId),
      loadFlowHeads: (flowId) => storage.saver.loadFlowHeads(flowId),
      beginRun(run) {
        const isNew = !created.has(run.conversationId);
        created.add(run.conversationId);
        return storage.saver.beginRun(run, isNew ? { title: "Bench" } : undefined);
      },
    };
    return await use(saver);
  } finally {
    storage.close();
  }
}

/** Engine overhead on the echo provider: scheduling, templates, memory reads and appends. */
export async function engineOverheadRows(): Promise<Row[]> {
  const flows = [
    { name: "200-node chain", flow: chainFlow(198) },
    { name: "50-wide fan-out", flow: fanOutFlow(50) },
  ];
  const rows: Row[] = [];
  for (const { name, flow } of flows) {
    for (const kind of ["memory", "indexeddb"] as const) {
      const label = `${name}, ${kind === "memory" ? "in-memory" : "IndexedDB"}`;
      progress(`engine overhead: ${label} (${flow.nodes.length} nodes)`);
      const { msPerNode, runs } = await withSaver(kind, (saver) => measure(flow, saver, label));
      const row = belowRow(
        `engine ${label}, per node`,
        msPerNode,
        BUDGET_MS_PER_NODE[kind],
        formatMs,
      );
      // Fewer runs than planned means the time cap cut it short: say so next to the figure.
      if (runs < MEASURED_TURNS) row.value += ` (median of ${runs} run${runs === 1 ? "" : "s"})`;
      rows.push(row);
    }
  }
  return rows;
}

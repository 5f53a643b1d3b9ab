import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { Flow, FlowNode } from "../../engine/flow";
import { InMemorySaver } from "../../engine/InMemorySaver";
import { conversationId, flowId, type RunId } from "../../engine/ids";
import type { LlmProvider } from "../../engine/provider";
import { runFlowToEnd } from "../../engine/runFlow";

/*
 * Round trips for the Python exports: an exported module runs turn after turn in a stub of
 * Timbal (test/fixtures/python/timbal_stub for 0.x, timbal1_stub for 1.x), and the app's
 * engine runs the same flow with the same messages; both record what every model call
 * received, so a test compares them call by call.
 */

export const PYTHON_FIXTURES = join(import.meta.dirname, "../../../test/fixtures/python");

export interface Call {
  model: string;
  messages: { role: string; text: string }[];
}
export interface Turn {
  outputs: Record<string, string>;
  calls: Call[];
}
export interface StubResult {
  turns?: Turn[];
  error?: string;
}

/** Runs each exported module in a stub, every turn through the module's own send(). */
export function runInStub(
  stub: "timbal_stub" | "timbal1_stub",
  cases: { source: string; turns: readonly string[] }[],
  env: Record<string, string> = {},
): StubResult[] {
  const dir = join(PYTHON_FIXTURES, stub);
  const run = spawnSync("python3", [join(dir, "run_exports.py")], {
    input: JSON.stringify(cases),
    env: {
      ...process.env,
      PYTHONPATH: dir,
      PYTHONIOENCODING: "utf-8",
      // No __pycache__ in the fixtures folder.
      PYTHONDONTWRITEBYTECODE: "1",
      ...env,
    },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return (JSON.parse(run.stdout) as StubResult[]).map((r) =>
    r.turns ? { turns: r.turns.map((t) => ({ ...t, calls: byModel(t.calls) })) } : r,
  );
}

/** Each LLM is called once per turn: order calls by model (= node id) to compare them. */
const byModel = (calls: Call[]) =>
  [...calls].sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));

/** The app's engine, turn after turn, each run continuing the one before it. */
export async function engineTurns(flow: Flow, turns: readonly string[]): Promise<StubResult> {
  const saver = new InMemorySaver();
  let parentRunId: RunId | null = null;
  const result: Turn[] = [];
  for (const input of turns) {
    const calls: Call[] = [];
    // Every LLM answers `${model}<${prompt}>`: with model = node id, outputs trace the wiring.
    const tracing: LlmProvider = async (request) => {
      calls.push({
        model: request.model,
        messages: request.messages.map((m) => ({ role: m.role, text: m.content })),
      });
      const prompt = request.messages.at(-1)?.content ?? "";
      return { text: `${request.model}<${prompt}>`, usage: {} };
    };
    const snapshot = await runFlowToEnd({
      flow,
      flowId: flowId("f"),
      input,
      conversationId: conversationId("c"),
      parentRunId,
      saver,
      providers: async () => tracing,
    });
    parentRunId = snapshot.id;
    result.push({ outputs: snapshot.outputs, calls: byModel(calls) });
  }
  return { turns: result };
}

/** The flow with each LLM's model set to its id, so the tracing answers name the node. */
export const traced = (flow: Flow, patch: Record<string, unknown> = {}): Flow => ({
  ...flow,
  nodes: flow.nodes.map(
    (n): FlowNode =>
      n.type === "llm" ? { ...n, config: { ...n.config, ...patch, model: n.id } } : n,
  ),
});

/** A short conversation that exercises windows of up to 4 messages. */
export const CONVERSATION = [
  "Hi! My name is David",
  "What is my name?",
  'Quote " backslash \\ brace {x} newline \n end',
  "Fourth",
  "Fifth: what did I say first?",
];

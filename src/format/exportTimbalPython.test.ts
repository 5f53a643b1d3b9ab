import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Flow, FlowNode } from "../engine/flow";
import { InMemorySaver } from "../engine/InMemorySaver";
import { conversationId, flowId, nodeId } from "../engine/ids";
import type { LlmProvider } from "../engine/provider";
import { runFlowToEnd } from "../engine/runFlow";
import { STARTER_FLOWS } from "../engine/starterFlows";
import { INPUT_REFERENCE, templateReferences } from "../engine/template";
import { exportTimbalPython } from "./exportTimbalPython";
import { readFlowFile } from "./readFlowFile";
import { buildValidFlow } from "./testSupport/flowArbitraries";

/*
 * Golden files: test/fixtures/python/<name>.py is the exact export of each fixture flow.
 * After an intended change, rewrite them with: UPDATE_GOLDEN=1 npx vitest run src/format
 * and review the diff. When python3 is installed, the exports are also run against a stub
 * of Timbal's Flow (test/fixtures/python/timbal_stub) that enforces its building rules, and
 * their outputs compared with this app's engine.
 */

const ROOT = join(import.meta.dirname, "../..");
const FLOWS = join(ROOT, "test/fixtures/flows");
const PYTHON = join(ROOT, "test/fixtures/python");
const STUB = join(PYTHON, "timbal_stub");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

function fixture(name: string): Flow {
  const result = readFlowFile(readFileSync(join(FLOWS, `${name}.flow.json`), "utf8"));
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
  return result.flow;
}

const GOLDEN: Record<string, () => Flow> = {
  ...Object.fromEntries(
    readdirSync(FLOWS)
      .filter((f) => f.endsWith(".flow.json"))
      .map((f) => f.replace(/\.flow\.json$/, ""))
      .map((name) => [name, () => fixture(name)]),
  ),
  "summarize-then-answer": () => STARTER_FLOWS.summarizeThenAnswer.build(),
};

describe("exportTimbalPython golden files", () => {
  it.each(Object.keys(GOLDEN))("%s.py", (name) => {
    const path = join(PYTHON, `${name}.py`);
    const source = exportTimbalPython((GOLDEN[name] as () => Flow)());
    if (UPDATE) writeFileSync(path, source);
    expect(source).toBe(readFileSync(path, "utf8"));
  });

  it("covers the seed flows", () => {
    for (const name of [
      "chat-without-memory",
      "chat-with-memory",
      "memory-window-5",
      "window-0",
      "shared-memory-sequence",
    ]) {
      expect(Object.keys(GOLDEN)).toContain(name);
    }
  });
});

const withLlm = (patch: Record<string, unknown>): Flow => {
  const flow = STARTER_FLOWS.chatWithMemory.build();
  const llm = flow.nodes[1];
  if (llm?.type !== "llm") throw new Error("fixture changed");
  Object.assign(llm.config, patch);
  return flow;
};

/** The line of `source` that contains `needle`. */
const lineWith = (source: string, needle: string) =>
  source.split("\n").find((line) => line.includes(needle)) ?? "";

describe("exportTimbalPython says where Timbal differs, at that line", () => {
  it("read-only and write-only memory", () => {
    expect(
      lineWith(exportTimbalPython(withLlm({ memoryMode: "read-only" })), "memory_id="),
    ).toMatch(/memory_id="chat_llm",\s+# NOTE: memory mode "read-only" .* no Timbal equivalent/);
    expect(
      lineWith(exportTimbalPython(withLlm({ memoryMode: "write-only" })), "memory_id="),
    ).toMatch(/# NOTE: memory mode "write-only" .* no Timbal equivalent/);
    expect(
      lineWith(exportTimbalPython(withLlm({ memoryMode: "read-write" })), "memory_id="),
    ).not.toMatch(/NOTE/);
  });

  it("the echo provider and a base URL, without its credentials", () => {
    const source = exportTimbalPython(
      withLlm({
        provider: "openai-compatible",
        model: "llama3.2",
        baseUrl: "http://user:pw@127.0.0.1:11434/v1?key=abc#x",
      }),
    );
    expect(lineWith(source, "model=")).toMatch(
      /model="llama3\.2",\s+# NOTE: provider "openai-compatible" at "http:\/\/127\.0\.0\.1:11434\/v1": add_llm takes no base URL/,
    );
    expect(source).not.toMatch(/pw|abc|user/);
    expect(lineWith(exportTimbalPython(withLlm({})), "model=")).toMatch(/# NOTE: provider "echo"/);
  });

  it("how the memory window counts, and window 0", () => {
    expect(
      lineWith(exportTimbalPython(withLlm({ memoryWindowSize: 5 })), "memory_window_size="),
    ).toMatch(
      /memory_window_size=5,\s+# NOTE: .*Timbal counts the prompt as one of them \(6 gives the same history\)/,
    );
    expect(
      lineWith(exportTimbalPython(withLlm({ memoryWindowSize: 0 })), "memory_window_size="),
    ).toMatch(/memory_window_size=0,\s+# NOTE: 0 means no history here/);
  });

  it("config fields it cannot export, by name, never by value", () => {
    const source = exportTimbalPython(withLlm({ topP: 0.5, apiKey: "sk-zzz" }));
    expect(lineWith(source, 'id="chat_llm"')).toMatch(
      /# NOTE: not exported, no Timbal parameter: config\.topP, config\.apiKey/,
    );
    expect(source).not.toContain("sk-zzz");
  });

  it("the flow's own problems, at the top", () => {
    const flow = withLlm({ model: "" });
    expect(exportTimbalPython(flow)).toContain(
      '# NOTE: LLM Flow Studio finds problems in this flow; the code may not run:\n#   - LLM "chat_llm" has no model: choose one.',
    );
  });

  it("escapes strings so that no prompt can break out of its literal", () => {
    const nasty = 'He said "hi"\\n\n\r\t\u0000\u2028\u202e end """ \'\'\' {{input}}';
    const source = exportTimbalPython(withLlm({ systemPrompt: nasty }));
    const line = lineWith(source, "system_prompt=");
    expect(line).toBe(
      `${" ".repeat(8)}system_prompt="He said \\"hi\\"\\\\n\\n\\r\\t\\x00\\u2028\\u202e end \\"\\"\\" ''' {{input}}",`,
    );
  });

  it("is deterministic", () => {
    const flow = STARTER_FLOWS.summarizeThenAnswer.build();
    expect(exportTimbalPython(flow)).toBe(exportTimbalPython(structuredClone(flow)));
  });
});

interface PythonResult {
  outputs?: Record<string, string>;
  error?: string;
}

function runExports(cases: { source: string; input: string }[]): PythonResult[] {
  const run = spawnSync("python3", [join(STUB, "run_exports.py")], {
    input: JSON.stringify(cases),
    // No __pycache__ in the fixtures folder.
    env: {
      ...process.env,
      PYTHONPATH: STUB,
      PYTHONIOENCODING: "utf-8",
      PYTHONDONTWRITEBYTECODE: "1",
    },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

/** Every LLM answers `${model}<${prompt}>`: with model = node id, outputs trace the wiring. */
const tracingProvider: LlmProvider = async (request) => {
  const prompt = request.messages.at(-1)?.content ?? "";
  return { text: `${request.model}<${prompt}>`, usage: {} };
};

async function engineOutputs(flow: Flow, input: string): Promise<Record<string, string>> {
  const snapshot = await runFlowToEnd({
    flow,
    flowId: flowId("f"),
    input,
    conversationId: conversationId("c"),
    saver: new InMemorySaver(),
    providers: async () => tracingProvider,
  });
  return snapshot.outputs;
}

/** The flow with each LLM's model set to its id, so the tracing answers name the node. */
const traced = (flow: Flow): Flow => ({
  ...flow,
  nodes: flow.nodes.map(
    (n): FlowNode => (n.type === "llm" ? { ...n, config: { ...n.config, model: n.id } } : n),
  ),
});

// python3 is on every machine of this project (Node images ship it): these run, never skip.
describe("exported modules build and run in a stub of Timbal's Flow", () => {
  it("the golden files, with the same outputs as the engine", async () => {
    const flows = Object.values(GOLDEN).map((build) => traced(build()));
    const input = "Hi! My name is David";
    const results = runExports(flows.map((flow) => ({ source: exportTimbalPython(flow), input })));
    for (const [i, flow] of flows.entries()) {
      expect(results[i]).toEqual({ outputs: await engineOutputs(flow, input) });
    }
  });

  it("random valid flows, with the same outputs as the engine", async () => {
    const flows = fc
      .sample(fc.gen(), 150)
      .map((g) => traced(buildValidFlow(g)))
      // "prompt" is the flow input's name in the export; the exporter warns about that clash.
      .filter((flow) => !flow.nodes.some((n) => n.id === "prompt"));
    // No "{{" here: Timbal fills in references even inside the chat message (the header says so).
    const input = 'Quote " backslash \\ brace {x} newline \n end';
    const results = runExports(flows.map((flow) => ({ source: exportTimbalPython(flow), input })));
    for (const [i, flow] of flows.entries()) {
      const expected = { outputs: await engineOutputs(flow, input) };
      expect(results[i], exportTimbalPython(flow)).toEqual(expected);
    }
  }, 60_000);
});

/** The ids a step's field reads in the export: `{{x.return}}` is x, `prompt` the chat message. */
function wiredReferences(source: string, key: string): string[] {
  const line = source.split("\n").find((l) => l.includes(`(${JSON.stringify(key)}, `)) ?? "";
  const call = /\.(set_input|set_data_map|set_data_value)\("[^"]*", "((?:[^"\\]|\\.)*)"/.exec(line);
  if (!call) throw new Error(`nothing feeds ${key}:\n${source}`);
  const value = JSON.parse(`"${call[2]}"`) as string;
  const keys =
    call[1] === "set_data_value"
      ? [...value.matchAll(/\{\{([a-zA-Z0-9_.]*)\}\}/g)].map((m) => m[1] as string)
      : [value];
  return [
    ...new Set(keys.map((k) => (k === "prompt" ? INPUT_REFERENCE : k.replace(/\.return$/, "")))),
  ];
}

describe("the export reads templates with the engine's grammar", () => {
  // The same references, written with and without whitespace inside (and around) the braces.
  const variants = [
    "{{llm1}}",
    "{{ llm1 }}",
    "{{\tllm1\n}}",
    " {{llm2}} ",
    "Say {{ llm1 }}, {{llm2}} and {{  input}}",
    "{{input}}{{ llm2}}{{llm1 }}",
    "Literal {{ }} and {{not valid!}}, then {{ llm1 }}",
  ];
  const flowWith = (template: string): Flow =>
    traced({
      schema: "llm-flow-studio/flow",
      version: 1,
      name: "templates",
      nodes: [
        { id: nodeId("input"), type: "input", position: { x: 0, y: 0 } },
        {
          id: nodeId("llm1"),
          type: "llm",
          position: { x: 0, y: 0 },
          config: { provider: "echo", model: "echo", prompt: "{{ input }}" },
        },
        {
          id: nodeId("llm2"),
          type: "llm",
          position: { x: 0, y: 0 },
          config: { provider: "echo", model: "echo", prompt: "Again: {{llm1}}" },
        },
        { id: nodeId("t"), type: "template", position: { x: 0, y: 0 }, config: { template } },
        { id: nodeId("out"), type: "output", position: { x: 0, y: 0 }, config: { value: "{{t}}" } },
      ],
      edges: [
        { source: nodeId("input"), target: nodeId("llm1") },
        { source: nodeId("llm1"), target: nodeId("llm2") },
        { source: nodeId("llm2"), target: nodeId("t") },
        { source: nodeId("t"), target: nodeId("out") },
      ],
    });

  it.each(variants)("%j: the export wires the references the engine fills in", (template) => {
    const source = exportTimbalPython(flowWith(template));
    expect(wiredReferences(source, "t.text").sort()).toEqual(templateReferences(template).sort());
  });

  it("and Timbal fills them in to the same text as the engine, for every variant", async () => {
    const flows = variants.map(flowWith);
    const input = "Hi! My name is David";
    const results = runExports(flows.map((flow) => ({ source: exportTimbalPython(flow), input })));
    for (const [i, flow] of flows.entries()) {
      expect(results[i], variants[i]).toEqual({ outputs: await engineOutputs(flow, input) });
    }
  });
});

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Flow, FlowNode, LlmNode } from "../engine/flow";
import { FLOW_SCHEMA, FLOW_VERSION } from "../engine/flow";
import { ancestors, buildGraph } from "../engine/graph";
import { nodeId } from "../engine/ids";
import { withMemoryScope } from "../engine/memoryScope";
import { STARTER_FLOWS } from "../engine/starterFlows";
import { INPUT_REFERENCE, templateReferences } from "../engine/template";
import { exportTimbalPython } from "./exportTimbalPython";
import { readFlowFile } from "./readFlowFile";
import { buildValidFlow } from "./testSupport/flowArbitraries";
import { CONVERSATION, engineTurns, runInStub, traced } from "./testSupport/timbalRoundTrip";

/*
 * Golden files: test/fixtures/python/<name>.py is the exact export of each fixture flow.
 * After an intended change, rewrite them with: UPDATE_GOLDEN=1 npx vitest run src/format
 * and review the diff. The exports are also run, turn after turn through their own send(),
 * against a stub of Timbal's Flow (test/fixtures/python/timbal_stub) that behaves as Timbal
 * 0.48 to 0.58 does (Message replies, str fields checked, windows counting the prompt,
 * memory loaded from the parent run), and what every call received is compared with what
 * this app's engine sends for the same flow and messages.
 */

const ROOT = join(import.meta.dirname, "../..");
const FLOWS = join(ROOT, "test/fixtures/flows");
const PYTHON = join(ROOT, "test/fixtures/python");
const _STUB = join(PYTHON, "timbal_stub");
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
  // One conversation behaves alike in Timbal; sharing across conversations gets a NOTE.
  "flow-scoped-memory": () => withMemoryScope(fixture("chat-with-memory"), "chat_llm", "flow"),
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
  it("read-only memory has no equivalent; write-only is a window of 1", () => {
    expect(
      lineWith(exportTimbalPython(withLlm({ memoryMode: "read-only" })), "memory_id="),
    ).toMatch(/memory_id="chat_llm",\s+# NOTE: memory mode "read-only" .* no Timbal equivalent/);
    const writeOnly = exportTimbalPython(
      withLlm({ memoryMode: "write-only", memoryWindowSize: 7 }),
    );
    expect(lineWith(writeOnly, "memory_window_size=")).toMatch(
      /memory_window_size=1,\s+# memory mode "write-only": a window of 1 in Timbal holds only the prompt/,
    );
    expect(
      lineWith(exportTimbalPython(withLlm({ memoryMode: "read-write" })), "memory_id="),
    ).not.toMatch(/read-only|write-only/);
  });

  it("the echo provider, a base URL without its credentials, and Timbal's routing by model name", () => {
    const source = exportTimbalPython(
      withLlm({
        provider: "openai-compatible",
        model: "llama3.2",
        baseUrl: "http://user:pw@127.0.0.1:11434/v1?key=abc#x",
      }),
    );
    expect(lineWith(source, "model=")).toMatch(
      /model="llama3\.2",\s+# NOTE: provider "openai-compatible" at "http:\/\/127\.0\.0\.1:11434\/v1": add_llm takes no base URL, so Timbal never calls that server; NOTE: .* every other name \(o-series, chatgpt-4o-latest, any OpenAI-compatible or Ollama model\) to Together AI/,
    );
    expect(source).not.toMatch(/pw|abc|user/);
    expect(lineWith(exportTimbalPython(withLlm({})), "model=")).toMatch(/# NOTE: provider "echo"/);
    const o3 = exportTimbalPython(withLlm({ provider: "openai", model: "o3-mini" }));
    expect(lineWith(o3, "model=")).toMatch(/Together AI/);
    const gpt = exportTimbalPython(withLlm({ provider: "openai", model: "gpt-4o-mini" }));
    expect(lineWith(gpt, "model=")).not.toMatch(/NOTE/);
  });

  it("the window: the app's N is Timbal's N + 1, since Timbal counts the prompt", () => {
    expect(
      lineWith(exportTimbalPython(withLlm({ memoryWindowSize: 5 })), "memory_window_size="),
    ).toMatch(
      /memory_window_size=6,\s+# the app's window of 5 messages before the prompt: Timbal counts the prompt as one of them/,
    );
    expect(
      lineWith(exportTimbalPython(withLlm({ memoryWindowSize: 0 })), "memory_window_size="),
    ).toMatch(/memory_window_size=1,/);
    expect(exportTimbalPython(withLlm({}))).not.toContain("memory_window_size");
  });

  it("summary memory has no Timbal equivalent: a NOTE on the memory's line, the window kept", () => {
    const code = exportTimbalPython(
      withLlm({ memoryWindowSize: 4, memorySummary: { model: "gpt-4o-mini" } }),
    );
    expect(lineWith(code, "memory_id=")).toMatch(
      /NOTE: the app's summary memory \(memorySummary, by \S+ gpt-4o-mini\) has no Timbal equivalent/,
    );
    expect(lineWith(code, "memory_window_size=")).toMatch(/memory_window_size=5,/);
    // A write-only node sees no history, so it has nothing to summarize: no NOTE.
    expect(
      exportTimbalPython(withLlm({ memoryMode: "write-only", memorySummary: {} })),
    ).not.toContain("summary memory");
  });

  it("a token budget has no Timbal equivalent: a NOTE where the window is set", () => {
    expect(
      lineWith(
        exportTimbalPython(withLlm({ memoryWindowSize: 5, memoryWindowTokens: 300 })),
        "memory_window_size=",
      ),
    ).toMatch(
      /memory_window_size=6,\s+# the app's window .*; NOTE: the app's token budget of 300 tokens \(memoryWindowTokens\) has no Timbal equivalent/,
    );
    expect(
      lineWith(exportTimbalPython(withLlm({ memoryWindowTokens: 300 })), "memory_id="),
    ).toMatch(/NOTE: the app's token budget of 300 tokens/);
    expect(exportTimbalPython(withLlm({ memoryWindowSize: 5 }))).not.toContain("token budget");
  });

  it("a failed call keeps its prompt in Timbal's memory; InMemorySaver versus JSONLSaver", () => {
    const source = exportTimbalPython(withLlm({}));
    expect(lineWith(source, "memory_id=")).toMatch(
      /# NOTE: when this call fails, Timbal keeps its prompt in the memory/,
    );
    expect(lineWith(source, ".compile(")).toMatch(
      /InMemorySaver\(\)\)\s+# NOTE: InMemorySaver keeps memory while this process runs; JSONLSaver\(path\) keeps it across processes/,
    );
  });

  it("LLMs sharing a memory with no order between them see each other's prompts in Timbal", () => {
    const source = exportTimbalPython(fixture("shared-memory-parallel"));
    expect(lineWith(source, 'memory_id="M"')).toMatch(
      /no connection orders them: .* Timbal at the same time, so each also sees the other's prompt/,
    );
  });

  it("a data key longer than Timbal's 128 characters", () => {
    const long = `n${"x".repeat(120)}`;
    const flow = chain(
      { id: long, memoryId: null },
      { id: "next", prompt: `{{${long}}} and {{input}}`, memoryId: null },
    );
    expect(lineWith(exportTimbalPython(flow), '.set_data_value("next.prompt"')).toMatch(
      /NOTE: the data key ".*\.return\.content\.0\.text" is longer than 128 characters/,
    );
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

/** A node of chain(): an LLM (config fields as in a flow file) or, with `template`, a template. */
type ChainNode = { id: string; template?: string } & Partial<LlmNode["config"]>;

/** input -> each node in turn -> output, every node reading the one before it. */
function chain(...items: ChainNode[]): Flow {
  const nodes: FlowNode[] = [{ id: nodeId("input"), type: "input", position: { x: 0, y: 0 } }];
  for (const { id, template, ...config } of items) {
    const position = { x: 0, y: 0 };
    nodes.push(
      template === undefined
        ? {
            id: nodeId(id),
            type: "llm",
            position,
            config: { provider: "echo", model: "echo", ...config },
          }
        : { id: nodeId(id), type: "template", position, config: { template } },
    );
  }
  nodes.push({ id: nodeId("output"), type: "output", position: { x: 0, y: 0 }, config: {} });
  const edges = nodes
    .slice(1)
    .map((node, i) => ({ source: (nodes[i] as FlowNode).id, target: node.id }));
  return { schema: FLOW_SCHEMA, version: FLOW_VERSION, name: "chain", nodes, edges };
}

/** Runs exported modules in the Timbal 0.x stub, with the run-context rules of `version`. */
const runTimbal0 = (cases: { source: string; turns: readonly string[] }[], version = "0.58") =>
  runInStub("timbal_stub", cases, { TIMBAL_STUB_VERSION: version });

/**
 * Where the app and Timbal knowingly differ (each said by a NOTE in the export): read-only
 * memory, and LLMs sharing a memory with no connection ordering them.
 */
function behavesAlike(flow: Flow): boolean {
  const llms = flow.nodes.filter((n): n is LlmNode => n.type === "llm");
  if (llms.some((n) => n.config.memoryMode === "read-only")) return false;
  // Timbal has no token budget (the export says so in a NOTE).
  if (llms.some((n) => n.config.memoryWindowTokens !== undefined)) return false;
  const graph = buildGraph(flow);
  return llms.every((a) =>
    llms.every(
      (b) =>
        a === b ||
        !a.config.memoryId ||
        a.config.memoryId !== b.config.memoryId ||
        ancestors(graph, a.id).has(b.id) ||
        ancestors(graph, b.id).has(a.id),
    ),
  );
}

// python3 is on every machine of this project (Node images ship it): these run, never skip.
describe("exported modules remember in Timbal exactly as the app does", () => {
  const golden = Object.entries(GOLDEN)
    .map(([name, build]) => [name, traced(build())] as const)
    .filter(([, flow]) => behavesAlike(flow));

  it("covers every starter flow and seed fixture but the documented parallel and token budget cases", () => {
    expect(golden.map(([name]) => name).sort()).toEqual(
      Object.keys(GOLDEN)
        .filter((n) => n !== "shared-memory-parallel" && n !== "memory-token-budget")
        .sort(),
    );
  });

  for (const version of ["0.55", "0.57", "0.58"]) {
    it(`the golden files over ${CONVERSATION.length} turns on Timbal ${version}: every call receives what the app sends`, async () => {
      const results = runTimbal0(
        golden.map(([, flow]) => ({ source: exportTimbalPython(flow), turns: CONVERSATION })),
        version,
      );
      for (const [i, [name, flow]] of golden.entries()) {
        expect(results[i], name).toEqual(await engineTurns(flow, CONVERSATION));
      }
    });
  }

  for (const version of ["0.55", "0.58"]) {
    it(`every starter template over ${CONVERSATION.length} turns on Timbal ${version}`, async () => {
      const starters = Object.entries(STARTER_FLOWS).map(
        ([id, s]) => [id, traced(s.build())] as const,
      );
      expect(starters.every(([, flow]) => behavesAlike(flow))).toBe(true);
      const results = runTimbal0(
        starters.map(([, flow]) => ({ source: exportTimbalPython(flow), turns: CONVERSATION })),
        version,
      );
      for (const [i, [id, flow]] of starters.entries()) {
        expect(results[i], id).toEqual(await engineTurns(flow, CONVERSATION));
      }
    });
  }

  it("random valid flows over three turns", async () => {
    const flows = fc
      .sample(fc.gen(), 120)
      .map((g) => traced(buildValidFlow(g)))
      // "prompt" is the flow input's name in the export; the exporter warns about that clash.
      .filter((flow) => !flow.nodes.some((n) => n.id === "prompt"))
      .filter(behavesAlike);
    const turns = CONVERSATION.slice(0, 3);
    const results = runTimbal0(flows.map((flow) => ({ source: exportTimbalPython(flow), turns })));
    for (const [i, flow] of flows.entries()) {
      expect(results[i], exportTimbalPython(flow)).toEqual(await engineTurns(flow, turns));
    }
  }, 60_000);

  it("windows and modes: 0 beside a larger window on one memory, write-only, sizes 1 and 3", async () => {
    const flows = [
      chain(
        { id: "a", memoryId: "M", memoryWindowSize: 0 },
        { id: "b", memoryId: "M", memoryWindowSize: 5 },
      ),
      chain(
        { id: "a", memoryId: "M", memoryWindowSize: 5 },
        { id: "b", memoryId: "M", memoryWindowSize: 0 },
      ),
      chain({ id: "a", memoryId: "M", memoryMode: "write-only" }, { id: "b", memoryId: "M" }),
      chain(
        { id: "a", memoryId: "M", memoryWindowSize: 1 },
        { id: "b", memoryId: "M", memoryWindowSize: 3 },
      ),
    ].map((flow) => traced(flow));
    const results = runTimbal0(
      flows.map((flow) => ({ source: exportTimbalPython(flow), turns: CONVERSATION })),
    );
    for (const [i, flow] of flows.entries()) {
      expect(results[i], exportTimbalPython(flow)).toEqual(await engineTurns(flow, CONVERSATION));
    }
  });

  it("a memory id equal to another node's id, or to the flow input's name, is renamed and works", async () => {
    const flows = [
      // Declared before its namesake: Timbal would map "b.memory" onto itself.
      chain({ id: "a", memoryId: "b" }, { id: "b", memoryId: "b" }),
      // The id of a node without that memory (an LLM, a template).
      chain({ id: "a", memoryId: "b" }, { id: "b" }),
      chain({ id: "b", template: "{{input}}!" }, { id: "a", memoryId: "b" }),
      chain({ id: "a", memoryId: "prompt" }),
      // The owner first: nothing to rename.
      chain({ id: "b", memoryId: "b" }, { id: "a", memoryId: "b" }),
    ].map((flow) => traced(flow));
    const sources = flows.map((flow) => exportTimbalPython(flow));
    const results = runTimbal0(sources.map((source) => ({ source, turns: CONVERSATION })));
    for (const [i, flow] of flows.entries()) {
      expect(results[i], sources[i]).toEqual(await engineTurns(flow, CONVERSATION));
    }
    expect(sources[0]).toMatch(
      /memory_id="b_memory",\s+# NOTE: memory "b" is called "b_memory" here: in Timbal a memory id equal to another step's id breaks the flow/,
    );
    expect(sources[3]).toMatch(/memory_id="prompt_memory",.*equal to the flow input's name/);
    expect(sources[4]).toContain('memory_id="b",');
  });

  it("the stub catches what the earlier export got wrong: a reply used as text", () => {
    // The shape of the earlier export: {{llm1.return}} puts the Message's dump in the text.
    const flow = traced(chain({ id: "llm1" }, { id: "t", template: "Said: {{llm1}}" }));
    const broken = exportTimbalPython(flow).replaceAll(".return.content.0.text", ".return");
    const [result] = runTimbal0([{ source: broken, turns: ["Hi"] }]);
    expect(result?.turns?.[0]?.outputs.output).toMatch(/^Said: Message\(role=assistant/);
  });
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
    ...new Set(
      keys.map((k) =>
        k === "prompt" ? INPUT_REFERENCE : k.replace(/\.return(\.content\.0\.text)?$/, ""),
      ),
    ),
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
      version: 3,
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
    const turns = CONVERSATION.slice(0, 2);
    const results = runTimbal0(flows.map((flow) => ({ source: exportTimbalPython(flow), turns })));
    for (const [i, flow] of flows.entries()) {
      expect(results[i], variants[i]).toEqual(await engineTurns(flow, turns));
    }
  });
});

import type { Flow, FlowNode, LlmNode } from "../engine/flow";
import { FLOW_VERSION } from "../engine/flow";
import { buildGraph } from "../engine/graph";
import { topologicalOrder } from "../engine/graphOrder";
import type { NodeId } from "../engine/ids";
import { memoryScope } from "../engine/memoryScope";
import { nodeTemplate } from "../engine/nodeKinds";
import { validateFlow } from "../engine/validateFlow";
import { commentText, pyNumber, pyString } from "./pythonLiteral";
import { noteCommentLines } from "./pythonNotes";

/*
 * The flow as Timbal's current API writes it (Timbal 1.0 and later): an Agent per LLM, each
 * with its own memory, carried from one turn to the next by the run's parent id. That API
 * keeps every message of an agent's own conversation: no memory shared between LLMs, no
 * window, no read-only or write-only mode. A flow that needs one of those is refused with the
 * reason, never exported to behave differently (the Flow builder export of Timbal 0.x,
 * exportTimbalPython, expresses them). So is a flow of several LLMs: passing one agent's
 * reply to another takes Timbal's Workflow, which this export does not write.
 */

export type TimbalAgentExport = { ok: true; source: string } | { ok: false; reasons: string[] };

const INDENT = "    ";

/** Timbal 1.x names a model "<provider>/<model>"; the app's providers map onto its four. */
const TIMBAL_PROVIDER: Partial<Record<string, string>> = {
  openai: "openai",
  anthropic: "anthropic",
  google: "google",
  // An OpenAI-compatible server (Ollama...) goes through Timbal's OpenAI client at its base URL.
  "openai-compatible": "openai",
};

/** Timbal requires max_tokens for Claude; the app's Anthropic calls default to this. */
const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

export function exportTimbalAgent(flow: Flow): TimbalAgentExport {
  const reasons = refusals(flow);
  if (reasons.length > 0) return { ok: false, reasons };
  return { ok: true, source: write(flow) };
}

function refusals(flow: Flow): string[] {
  const reasons: string[] = [];
  const errors = validateFlow(flow).filter((p) => p.severity === "error");
  for (const e of errors) reasons.push(e.message);
  const llms = flow.nodes.filter((n): n is LlmNode => n.type === "llm");
  if (llms.length !== 1) {
    reasons.push(
      llms.length === 0
        ? "The flow has no LLM: there is no agent to export."
        : `The flow has ${llms.length} LLMs (${llms.map((n) => n.id).join(", ")}): passing one agent's reply to another takes Timbal's Workflow, which this export does not write. Use "Export as Python" (Timbal 0.x) instead.`,
    );
  }
  for (const node of llms) {
    const c = node.config;
    if (typeof c.memoryWindowSize === "number") {
      reasons.push(
        `LLM "${node.id}" has a memory window of ${c.memoryWindowSize}: a Timbal Agent always sees its whole conversation.`,
      );
    }
    if (typeof c.memoryWindowTokens === "number") {
      reasons.push(
        `LLM "${node.id}" has a token budget of ${c.memoryWindowTokens}: a Timbal Agent always sees its whole conversation.`,
      );
    }
    if (c.memoryMode === "read-only" || c.memoryMode === "write-only") {
      reasons.push(
        `LLM "${node.id}" has memory mode "${c.memoryMode}": a Timbal Agent has no such mode.`,
      );
    }
    if (c.provider === "echo" || TIMBAL_PROVIDER[c.provider] === undefined) {
      reasons.push(
        `LLM "${node.id}" uses the "${c.provider}" provider, the app's offline test model: Timbal has no equivalent; choose OpenAI, Anthropic, Google or an OpenAI-compatible server.`,
      );
    }
  }
  return reasons;
}

function write(flow: Flow): string {
  const graph = buildGraph(flow);
  const byId = new Map(flow.nodes.map((n) => [n.id, n] as const));
  const order = topologicalOrder(graph).map((id) => byId.get(id) as FlowNode);
  const llm = order.find((n): n is LlmNode => n.type === "llm") as LlmNode;
  const remembers = typeof llm.config.memoryId === "string" && llm.config.memoryId !== "";

  const body: string[] = [];
  const outputs: string[] = [];
  for (const node of order) {
    const template = nodeTemplate(node);
    const upstream = graph.upstream.get(node.id as NodeId) ?? [];
    // A node without a template passes its single input through (validation ensures one).
    const value = () =>
      template === undefined
        ? `values[${pyString(upstream[0] as string)}]`
        : `render(${pyString(template)}, values)`;
    switch (node.type) {
      case "input":
        body.push(`values[${pyString(node.id)}] = message`);
        break;
      case "template":
        body.push(`values[${pyString(node.id)}] = ${value()}`);
        break;
      case "llm":
        body.push(
          `result = await agent(prompt=${value()}).collect()`,
          `values[${pyString(node.id)}] = result.output.content[0].text`,
        );
        break;
      case "output":
        body.push(`values[${pyString(node.id)}] = ${value()}`);
        outputs.push(`${pyString(node.id)}: values[${pyString(node.id)}]`);
        break;
    }
  }

  return [
    `# Flow ${pyString(flow.name)}, exported from LLM Flow Studio (flow file version ${FLOW_VERSION}).`,
    "#",
    "# For Timbal 1.0 and later: one Agent per LLM, each remembering its own conversation.",
    "# Chat in a terminal with `python <this file>`, or from your code call send() below,",
    "# passing the previous turn's run_id so that the agent continues the conversation:",
    `#     outputs, run_id = await send("Hi! My name is David")`,
    `#     outputs, run_id = await send("What is my name?", parent_id=run_id)`,
    remembers
      ? `# ${commentText(`"${llm.id}" remembers the whole conversation (memory "${llm.config.memoryId}" in the app).`)}`
      : `# ${commentText(`"${llm.id}" has no memory in the app: every turn starts a new conversation for it.`)}`,
    ...sharedMemoryNote(flow, llm),
    ...noteCommentLines(flow),
    "",
    "import asyncio",
    "import re",
    "",
    "from timbal import Agent",
    "from timbal.state import RunContext, set_run_context",
    "",
    "",
    "agent = Agent(",
    ...agentArgs(llm).map((line) => `${INDENT}${line}`),
    ")",
    "",
    "# The app's template references: {{input}} is the chat message, {{node_id}} a node's output.",
    'REFERENCE = re.compile(r"\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}")',
    "",
    "",
    "def render(template: str, values: dict) -> str:",
    `${INDENT}return REFERENCE.sub(lambda m: values[m.group(1)], template)`,
    "",
    "",
    "async def send(message: str, parent_id: str | None = None) -> tuple[dict, str]:",
    `${INDENT}"""One chat turn: the flow's outputs, and this turn's run_id to continue from."""`,
    remembers
      ? `${INDENT}set_run_context(RunContext(parent_id=parent_id))`
      : `${INDENT}set_run_context(RunContext())  # no memory: never continue an earlier run`,
    `${INDENT}values = {}`,
    ...body.map((line) => `${INDENT}${line}`),
    `${INDENT}return {${outputs.join(", ")}}, result.run_id`,
    "",
    "",
    "async def main() -> None:",
    `${INDENT}run_id = None`,
    `${INDENT}while True:`,
    `${INDENT}${INDENT}outputs, run_id = await send(input("> "), run_id)`,
    `${INDENT}${INDENT}print(outputs)`,
    "",
    "",
    'if __name__ == "__main__":',
    `${INDENT}asyncio.run(main())`,
    "",
  ].join("\n");
}

/**
 * A flow-scoped memory (shared by every conversation of the flow in the app) has no Agent
 * equivalent: said in a note, as the Python export says it, rather than refused.
 */
function sharedMemoryNote(flow: Flow, llm: LlmNode): string[] {
  const memoryId = llm.config.memoryId;
  if (typeof memoryId !== "string" || memoryId === "" || memoryScope(flow, memoryId) !== "flow")
    return [];
  return [
    `# NOTE: ${commentText(`memory ${pyString(memoryId)} is shared by every conversation of this flow in the app (scope "flow"): Timbal has no such scope, and a conversation that starts without a parent run starts it empty.`)}`,
  ];
}

function agentArgs(llm: LlmNode): string[] {
  const c = llm.config;
  const provider = TIMBAL_PROVIDER[c.provider] as string;
  const args = [`name=${pyString(llm.id)},`, `model=${pyString(`${provider}/${c.model}`)},`];
  if (typeof c.systemPrompt === "string" && c.systemPrompt.trim() !== "") {
    args.push(`system_prompt=${pyString(c.systemPrompt)},`);
  }
  const params: string[] = [];
  const notes: string[] = [];
  if (typeof c.maxTokens === "number") params.push(`"max_tokens": ${pyNumber(c.maxTokens)}`);
  else if (provider === "anthropic") {
    params.push(`"max_tokens": ${ANTHROPIC_DEFAULT_MAX_TOKENS}`);
    notes.push(`Timbal requires max_tokens for Claude: ${ANTHROPIC_DEFAULT_MAX_TOKENS} here`);
  }
  if (typeof c.baseUrl === "string" && c.baseUrl.trim() !== "") {
    params.push(`"base_url": ${pyString(c.baseUrl)}`);
  }
  if (typeof c.temperature === "number") {
    notes.push(`temperature ${c.temperature} is not passed: Timbal's Agent takes no temperature`);
  }
  if (params.length > 0 || notes.length > 0) {
    const note = notes.length > 0 ? `  # NOTE: ${commentText(notes.join("; "))}` : "";
    args.push(`model_params={${params.join(", ")}},${note}`);
  }
  return args;
}

import type { Flow, FlowNode, LlmConfig, ProviderName } from "./flow";
import { MEMORY_MODES, PROVIDERS } from "./flow";
import { type FlowProblem, type ValidationContext, withSettings } from "./flowProblem";
import { buildGraph, isUpstream } from "./graph";
import { findCycle } from "./graphOrder";
import type { MemoryId, NodeId } from "./ids";
import { declaredMemories } from "./memoryScope";
import { memorySettings, nodeMemory, nodeMemoryId } from "./memorySettings";
import { edgeProblem, isNodeKind, NODE_KINDS, nodeTemplate } from "./nodeKinds";
import { needsBaseUrl, PROVIDER_TABLE } from "./providers/providerTable";
import { INPUT_REFERENCE, NODE_ID_PATTERN, referenceTo, templateReferences } from "./template";
import { isHttpUrl } from "./url";

const isWholeNumber = (v: unknown, min: number) =>
  typeof v === "number" && Number.isInteger(v) && v >= min;

/** Everything wrong with a flow, in words that name the node: empty means it can run. */
export function validateFlow(
  flow: Pick<Flow, "nodes" | "edges" | "memories">,
  context: ValidationContext = {},
): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const error = (message: string, nodeId?: NodeId, field?: string) =>
    problems.push({
      severity: "error",
      message,
      ...(nodeId && { nodeId }),
      ...(field && { field }),
    });

  const byId = new Map<NodeId, FlowNode>();
  for (const node of flow.nodes) {
    if (typeof node.id !== "string" || !NODE_ID_PATTERN.test(node.id)) {
      error(
        `Node id "${String(node.id)}" is not valid: use letters, digits and _, not starting with a digit.`,
        node.id,
        "id",
      );
    } else if (byId.has(node.id)) {
      error(`Two nodes have the id "${node.id}": ids must be unique.`, node.id, "id");
    }
    byId.set(node.id, node);
    if (!isNodeKind(node.type)) {
      error(`Node "${node.id}" has an unknown type "${String(node.type)}".`, node.id, "type");
    } else if (node.id === INPUT_REFERENCE && node.type !== "input") {
      error(
        `The id "input" is reserved for the chat message; rename this ${node.type} node.`,
        node.id,
        "id",
      );
    }
  }

  for (const edge of flow.edges) {
    const missing = (end: NodeId) =>
      error(
        `A connection ${edge.source} → ${edge.target} points to "${end}", which is not a node of this flow.`,
        byId.has(edge.source) ? edge.source : undefined,
      );
    if (!byId.has(edge.source)) missing(edge.source);
    if (!byId.has(edge.target)) missing(edge.target);
    if (edge.source === edge.target)
      error(`Node "${edge.source}" is connected to itself.`, edge.source);
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    const kindProblem = source && target ? edgeProblem(source, target) : null;
    if (kindProblem && source && target) {
      const { hasOutput } = isNodeKind(source.type) ? NODE_KINDS[source.type] : { hasOutput: true };
      error(kindProblem, hasOutput ? target.id : source.id);
    }
  }

  const graph = buildGraph(flow);
  const cycle = findCycle(graph);
  if (cycle && cycle.length > 2) {
    error(
      `The connections form a cycle: ${cycle.join(" → ")}. A flow must run from input to output.`,
      cycle[0],
    );
  }

  if (!flow.nodes.some((n) => n.type === "output")) {
    error("The flow has no output node, so a run would show nothing: add an Output node.");
  }

  for (const node of flow.nodes) {
    if (!isNodeKind(node.type)) continue;
    if (node.type === "llm") checkLlm(node.id, node.config ?? ({} as LlmConfig), error, problems);
    checkTemplate(node, graph, byId, cycle !== null, error);
  }

  checkSharedMemories(flow.nodes, problems);
  checkDeclaredMemories(flow, problems);
  return withSettings(problems, context.settingsBaseUrls);
}

type Report = (message: string, nodeId?: NodeId, field?: string) => void;

function checkLlm(id: NodeId, config: LlmConfig, error: Report, problems: FlowProblem[]) {
  if (!(PROVIDERS as readonly unknown[]).includes(config.provider)) {
    error(
      `LLM "${id}" has an unknown provider "${String(config.provider)}"; use one of ${PROVIDERS.join(", ")}.`,
      id,
      "provider",
    );
  }
  if (typeof config.model !== "string" || config.model.trim() === "") {
    error(`LLM "${id}" has no model: choose one.`, id, "model");
  }
  if (
    needsBaseUrl(config.provider) &&
    !(typeof config.baseUrl === "string" && config.baseUrl.trim())
  ) {
    const { title, baseUrlExample } = PROVIDER_TABLE[config.provider];
    const example = baseUrlExample ? ` (for Ollama: ${baseUrlExample})` : "";
    problems.push({
      severity: "error",
      message: `LLM "${id}" uses an ${title} server but has no base URL${example}.`,
      nodeId: id,
      field: "baseUrl",
      baseUrlFromSettings: config.provider,
    });
  }
  if (config.baseUrl !== undefined && config.baseUrl !== "" && !isHttpUrl(config.baseUrl)) {
    error(
      `LLM "${id}": the base URL "${String(config.baseUrl)}" is not an http(s) address.`,
      id,
      "baseUrl",
    );
  }
  if (
    config.memoryId !== undefined &&
    config.memoryId !== null &&
    (typeof config.memoryId !== "string" || !NODE_ID_PATTERN.test(config.memoryId))
  ) {
    error(
      `LLM "${id}": memory id "${String(config.memoryId)}" is not valid: use letters, digits and _, or switch memory off.`,
      id,
      "memoryId",
    );
  }
  const w = config.memoryWindowSize;
  if (w !== undefined && w !== null && !isWholeNumber(w, 0)) {
    error(
      `LLM "${id}": memory window size must be a whole number ≥ 0, or empty for all messages (got ${String(w)}).`,
      id,
      "memoryWindowSize",
    );
  }
  const budget = config.memoryWindowTokens;
  if (budget !== undefined && !isWholeNumber(budget, 1)) {
    error(
      `LLM "${id}": memory token budget must be a whole number ≥ 1, or empty for none (got ${String(budget)}).`,
      id,
      "memoryWindowTokens",
    );
  }
  if (
    config.memoryMode !== undefined &&
    !(MEMORY_MODES as readonly unknown[]).includes(config.memoryMode)
  ) {
    error(
      `LLM "${id}": memory mode "${String(config.memoryMode)}" is not one of ${MEMORY_MODES.join(", ")}.`,
      id,
      "memoryMode",
    );
  }
  checkSummary(id, config, error, problems);
  const t = config.temperature;
  if (t !== undefined && !(typeof t === "number" && t >= 0 && t <= 2)) {
    error(
      `LLM "${id}": temperature must be a number from 0 to 2 (got ${String(t)}).`,
      id,
      "temperature",
    );
  }
  if (config.maxTokens !== undefined && !isWholeNumber(config.maxTokens, 1)) {
    error(
      `LLM "${id}": max tokens must be a whole number ≥ 1 (got ${String(config.maxTokens)}).`,
      id,
      "maxTokens",
    );
  }
}

/** Summary memory's settings (docs/memory.md, "Summary memory"). */
function checkSummary(id: NodeId, config: LlmConfig, error: Report, problems: FlowProblem[]) {
  const raw: unknown = config.memorySummary;
  if (raw === undefined) return;
  const field = "memorySummary";
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    error(
      `LLM "${id}": summary memory must be an object (provider, model, baseUrl, prompt), or absent for none.`,
      id,
      field,
    );
    return;
  }
  const summary = raw as Record<string, unknown>;
  for (const key of ["model", "baseUrl", "prompt"] as const) {
    if (summary[key] !== undefined && typeof summary[key] !== "string")
      error(`LLM "${id}": the summary's ${key} must be text.`, id, field);
  }
  const provider = summary.provider ?? config.provider;
  if (summary.provider !== undefined && !(PROVIDERS as readonly unknown[]).includes(provider)) {
    error(
      `LLM "${id}": the summary's provider "${String(provider)}" is not one of ${PROVIDERS.join(", ")}.`,
      id,
      field,
    );
    return;
  }
  const own = typeof summary.baseUrl === "string" ? summary.baseUrl.trim() : "";
  if (own !== "" && !isHttpUrl(own)) {
    error(`LLM "${id}": the summary's base URL "${own}" is not an http(s) address.`, id, field);
  }
  const inherited =
    provider === config.provider && typeof config.baseUrl === "string" && config.baseUrl.trim();
  if (needsBaseUrl(provider as ProviderName) && own === "" && !inherited) {
    problems.push({
      severity: "error",
      message: `LLM "${id}": its summary uses an ${PROVIDER_TABLE[provider as ProviderName].title} server but has no base URL.`,
      nodeId: id,
      field,
      baseUrlFromSettings: provider as ProviderName,
    });
  }
  if (memorySettings(config).memoryId === null) {
    problems.push({
      severity: "warning",
      message: `LLM "${id}" has summary memory but no memory: nothing is summarized until memory is on.`,
      nodeId: id,
      field,
    });
  }
}

function checkTemplate(
  node: FlowNode,
  graph: ReturnType<typeof buildGraph>,
  byId: Map<NodeId, FlowNode>,
  hasCycle: boolean,
  error: Report,
) {
  const field = NODE_KINDS[node.type].templateField;
  if (field === null) return;
  const template = nodeTemplate(node);
  const inputs = graph.upstream.get(node.id) ?? [];
  if (template === undefined && inputs.length === 1) return;
  const what = `${NODE_KINDS[node.type].label} "${node.id}"`;
  if (template === undefined) {
    if (inputs.length === 0) {
      error(
        `${what} has nothing to work on: connect a node to it or write its ${field}.`,
        node.id,
        field,
      );
    } else if (inputs.length > 1) {
      error(
        `${what} has ${inputs.length} inputs (${inputs.join(", ")}): write its ${field} to say how to combine them, e.g. ${referenceTo(inputs[0] as string)}.`,
        node.id,
        field,
      );
    }
    return;
  }
  // With a cycle every node is "upstream" of itself; the cycle error says what to fix first.
  if (hasCycle) return;
  for (const ref of templateReferences(template)) {
    if (ref === INPUT_REFERENCE) continue;
    if (!byId.has(ref as NodeId)) {
      error(`${what} uses ${referenceTo(ref)}, but there is no node "${ref}".`, node.id, field);
    } else if (!isUpstream(graph, ref as NodeId, node.id)) {
      error(
        `${what} uses ${referenceTo(ref)}, but "${ref}" is not upstream of it: connect ${ref} to it, directly or through other nodes.`,
        node.id,
        field,
      );
    }
  }
}

/**
 * A `memories` entry naming a memory no node uses: a warning, not an error (it does nothing,
 * and is harmless; most likely a memory renamed or a node deleted, so the user should know).
 */
function checkDeclaredMemories(flow: Pick<Flow, "nodes" | "memories">, problems: FlowProblem[]) {
  const used = new Set(flow.nodes.map((n) => nodeMemoryId(n)));
  for (const id of declaredMemories(flow)) {
    if (used.has(id as MemoryId)) continue;
    problems.push({
      severity: "warning",
      memoryId: id,
      message: `The flow's memories list "${id}", but no LLM node uses that memory: its setting does nothing.`,
    });
  }
}

function checkSharedMemories(nodes: readonly FlowNode[], problems: FlowProblem[]) {
  const warn = (message: string, memoryId: string, nodeId: NodeId | undefined, field: string) =>
    problems.push({ severity: "warning", message, memoryId, ...(nodeId && { nodeId }), field });
  const byMemory = new Map<string, { id: NodeId; windowSize: number | null; system: string }[]>();
  for (const node of nodes) {
    const { memoryId, windowSize } = nodeMemory(node);
    if (memoryId === null || node.type !== "llm") continue;
    const list = byMemory.get(memoryId) ?? [];
    list.push({ id: node.id, windowSize, system: (node.config.systemPrompt ?? "").trim() });
    byMemory.set(memoryId, list);
  }
  for (const [memory, users] of byMemory) {
    if (users.length < 2) continue;
    const names = users.map((u) => u.id).join(", ");
    const windows = new Set(users.map((u) => u.windowSize));
    if (windows.size > 1) {
      const shown = users.map((u) => `${u.id}: ${u.windowSize ?? "all"}`).join(", ");
      warn(
        `${names} share memory "${memory}" with different window sizes (${shown}); is that intended?`,
        memory,
        users[0]?.id,
        "memoryWindowSize",
      );
    }
    const prompts = new Set(users.map((u) => u.system));
    if (prompts.size > 1) {
      warn(
        `${names} share memory "${memory}" with different system prompts; each sees the other's replies as its own.`,
        memory,
        users[0]?.id,
        "systemPrompt",
      );
    }
  }
}

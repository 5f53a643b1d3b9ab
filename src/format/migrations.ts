import { FLOW_VERSION } from "../engine/flow";

/*
 * Older flow files are brought up to the current version by explicit steps, one version at
 * a time, each named and tested (migrations.test.ts). A step works on raw JSON, before the
 * validator: it renames and moves what it knows and leaves everything else alone, so the
 * validator still judges the result. It must never throw on odd input; the reader refuses
 * whatever is still wrong afterwards.
 *
 * Adding version N+1: bump FLOW_VERSION, add MIGRATIONS[N] turning an N file into N+1, and a
 * test with a real version N file. Never edit a step once released: files in the wild need it.
 */

export type RawFile = Record<string, unknown>;

export interface MigrationStep {
  /** Shown to the user after an import, e.g. "version 0 → 1: …". */
  name: string;
  /** Turns a file of version `from` (the key) into one of version `from + 1`. */
  up(file: RawFile): RawFile;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Moves `from` to `to` unless `to` is already set (then `from` stays, as an unknown field). */
function rename(
  object: Record<string, unknown>,
  from: string,
  to: string,
): Record<string, unknown> {
  if (!Object.hasOwn(object, from) || Object.hasOwn(object, to)) return object;
  // fromEntries keeps the key order and treats a "__proto__" key as plain data.
  return Object.fromEntries(
    Object.entries(object).map(([key, value]) => [key === from ? to : key, value]),
  );
}

/** Version 0's snake_case LLM settings, as Timbal's add_llm spells them. */
const V0_CONFIG_NAMES: [string, string][] = [
  ["memory_id", "memoryId"],
  ["memory_window_size", "memoryWindowSize"],
  ["memory_mode", "memoryMode"],
  ["system_prompt", "systemPrompt"],
  ["max_tokens", "maxTokens"],
  ["base_url", "baseUrl"],
];

/**
 * The file with every LLM node's config passed through `change`; anything that is not an
 * object (a node, a config) is left as it is for the validator to judge.
 */
function mapLlmConfigs(
  file: RawFile,
  change: (config: Record<string, unknown>) => Record<string, unknown>,
): RawFile {
  if (!Array.isArray(file.nodes)) return file;
  const nodes = file.nodes.map((node) =>
    isRecord(node) && node.type === "llm" && isRecord(node.config)
      ? { ...node, config: change(node.config) }
      : node,
  );
  return { ...file, nodes };
}

export const MIGRATIONS: Record<number, MigrationStep> = {
  0: {
    name: "version 0 → 1: nodes[].kind becomes type; memory_id, memory_window_size, memory_mode, system_prompt, max_tokens and base_url become memoryId, memoryWindowSize, memoryMode, systemPrompt, maxTokens and baseUrl",
    up(file) {
      const nodes = Array.isArray(file.nodes)
        ? file.nodes.map((node) => {
            if (!isRecord(node)) return node;
            const renamed = rename(node, "kind", "type");
            if (!isRecord(renamed.config)) return renamed;
            let config = renamed.config;
            for (const [from, to] of V0_CONFIG_NAMES) config = rename(config, from, to);
            return { ...renamed, config };
          })
        : file.nodes;
      return { ...file, version: 1, nodes };
    },
  },
  1: {
    // Version 2 only adds optional fields, so a version 1 file means exactly what it meant.
    // A version 1 file could still hold one of those names as an unknown field of its own
    // (kept by the reader): renamed aside so it does not take on the new meaning.
    name: "version 1 → 2: nothing changes; version 2 adds memoryWindowTokens (a token budget) to LLM nodes, and memories (their scope) to the flow",
    up(file) {
      const moved = mapLlmConfigs(file, (config) =>
        rename(config, "memoryWindowTokens", "memoryWindowTokensV1"),
      );
      return { ...rename(moved, "memories", "memoriesV1"), version: 2 };
    },
  },
  2: {
    // Version 3 only adds optional fields too. An unknown `notes` (top level) or
    // `memorySummary` (an LLM node's config) a version 2 file held is set aside, as step 1
    // does, so it is kept but not read as sticky notes or a summary.
    name: "version 2 → 3: nothing changes; version 3 adds notes (sticky notes on the canvas) to the flow, and memorySummary (summary memory) to LLM nodes",
    up(file) {
      const moved = mapLlmConfigs(file, (config) =>
        rename(config, "memorySummary", "memorySummaryV2"),
      );
      return { ...rename(moved, "notes", "notesV2"), version: 3 };
    },
  },
};

export type MigrationResult =
  | { ok: true; file: RawFile; steps: string[] }
  | { ok: false; message: string };

/** Applies every step from `version` up to FLOW_VERSION, in order. */
export function migrate(file: RawFile, version: number): MigrationResult {
  let current = file;
  const steps: string[] = [];
  for (let v = version; v < FLOW_VERSION; v++) {
    const step = Object.hasOwn(MIGRATIONS, v) ? MIGRATIONS[v] : undefined;
    if (step === undefined) {
      return {
        ok: false,
        message: `This flow file says version ${version}, which never existed; this app reads versions ${lowestReadableVersion()} to ${FLOW_VERSION}.`,
      };
    }
    current = step.up(current);
    steps.push(step.name);
  }
  return { ok: true, file: current, steps };
}

/** The oldest version the ladder starts from. */
export function lowestReadableVersion(): number {
  let v = FLOW_VERSION;
  while (Object.hasOwn(MIGRATIONS, v - 1)) v--;
  return v;
}

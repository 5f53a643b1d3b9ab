import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FLOW_VERSION } from "../engine/flow";
import { lowestReadableVersion, MIGRATIONS, migrate } from "./migrations";
import { readFlowFile } from "./readFlowFile";
import { writeFlowFile } from "./writeFlowFile";

/** A file of the pre-release draft format: Timbal's snake_case names, `kind` for the type. */
const VERSION_0_FILE = {
  schema: "llm-flow-studio/flow",
  version: 0,
  name: "Chat with memory (draft)",
  nodes: [
    { id: "input", kind: "input", position: { x: 0, y: 0 } },
    {
      id: "chat_llm",
      kind: "llm",
      position: { x: 280, y: 0 },
      config: {
        provider: "echo",
        model: "echo",
        system_prompt: "You are a helpful assistant.",
        prompt: "{{input}}",
        max_tokens: 256,
        memory_id: "chat_llm",
        memory_window_size: 5,
        draftOnly: "kept",
      },
    },
    { id: "output", kind: "output", position: { x: 560, y: 0 }, config: { value: "{{chat_llm}}" } },
  ],
  edges: [
    { source: "input", target: "chat_llm" },
    { source: "chat_llm", target: "output" },
  ],
};

describe("the migration ladder", () => {
  it("has one named step per version below the current one", () => {
    for (let v = lowestReadableVersion(); v < FLOW_VERSION; v++) {
      expect(MIGRATIONS[v]?.name).toMatch(new RegExp(`^version ${v} → ${v + 1}: `));
    }
    expect(lowestReadableVersion()).toBe(0);
  });

  it("version 0 → 1 renames kind and the snake_case settings, and leaves the rest alone", () => {
    const result = migrate(structuredClone(VERSION_0_FILE), 0);
    if (!result.ok) throw new Error(result.message);
    expect(result.steps).toEqual([MIGRATIONS[0]?.name, MIGRATIONS[1]?.name, MIGRATIONS[2]?.name]);
    expect(result.file).toEqual({
      ...VERSION_0_FILE,
      version: 3,
      nodes: [
        { id: "input", type: "input", position: { x: 0, y: 0 } },
        {
          id: "chat_llm",
          type: "llm",
          position: { x: 280, y: 0 },
          config: {
            provider: "echo",
            model: "echo",
            systemPrompt: "You are a helpful assistant.",
            prompt: "{{input}}",
            maxTokens: 256,
            memoryId: "chat_llm",
            memoryWindowSize: 5,
            draftOnly: "kept",
          },
        },
        {
          id: "output",
          type: "output",
          position: { x: 560, y: 0 },
          config: { value: "{{chat_llm}}" },
        },
      ],
    });
  });

  it("does not overwrite a field the file already has under its new name", () => {
    const file = structuredClone(VERSION_0_FILE);
    const node = file.nodes[1] as Record<string, unknown>;
    node.type = "llm";
    (node.config as Record<string, unknown>).memoryId = "newer";
    const result = migrate(file, 0);
    if (!result.ok) throw new Error(result.message);
    const migrated = (result.file.nodes as Record<string, unknown>[])[1] as Record<string, unknown>;
    expect(migrated.kind).toBe("llm");
    expect((migrated.config as Record<string, unknown>).memoryId).toBe("newer");
    expect((migrated.config as Record<string, unknown>).memory_id).toBe("chat_llm");
  });

  it("never throws on odd input: the validator judges what comes out", () => {
    for (const nodes of [undefined, 7, "x", [null, 1, "n", [], { kind: 3, config: [] }]]) {
      expect(() => migrate({ version: 0, nodes }, 0)).not.toThrow();
    }
  });

  it("readFlowFile applies it, says so by name, and reports the old version", () => {
    const result = readFlowFile(JSON.stringify(VERSION_0_FILE));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.migratedFrom).toBe(0);
    expect(result.warnings).toEqual([
      `Upgraded this file from an older format (${MIGRATIONS[0]?.name}).`,
      `Upgraded this file from an older format (${MIGRATIONS[1]?.name}).`,
      `Upgraded this file from an older format (${MIGRATIONS[2]?.name}).`,
    ]);
    const llm = result.flow.nodes[1];
    expect(llm?.type === "llm" && llm.config.memoryWindowSize).toBe(5);
    // Once read, it is written as the current version.
    expect(JSON.parse(writeFlowFile(result.flow)).version).toBe(FLOW_VERSION);
  });

  it("is chosen by the version alone: a current file is never migrated", () => {
    const result = readFlowFile(JSON.stringify({ ...VERSION_0_FILE, version: FLOW_VERSION }));
    expect(result.ok ? [] : result.errors[0]).toEqual({
      path: "nodes[0].type",
      message: "is required: must be one of input, llm, template, output",
    });
  });

  it("a current file reports no migration", () => {
    const file = migrate(structuredClone(VERSION_0_FILE), 0);
    if (!file.ok) throw new Error(file.message);
    const current = readFlowFile(JSON.stringify(file.file));
    expect(current.ok && current.migratedFrom).toBe(undefined);
    expect(current.ok && current.warnings).toEqual([]);
  });
});

const FIXTURES = join(import.meta.dirname, "../../test/fixtures");
const v1Names = readdirSync(join(FIXTURES, "flows-v1")).filter((f) => f.endsWith(".flow.json"));

describe("version 1 → 2", () => {
  it.each(v1Names)("imports the released version 1 file %s exactly as it was", (name) => {
    const v1 = JSON.parse(readFileSync(join(FIXTURES, "flows-v1", name), "utf8"));
    const current = JSON.parse(readFileSync(join(FIXTURES, "flows", name), "utf8"));
    expect(v1.version).toBe(1);
    const result = readFlowFile(JSON.stringify(v1));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.migratedFrom).toBe(1);
    // Only the version number differs: every node, setting and edge is the same.
    expect(result.flow).toEqual({ ...v1, version: FLOW_VERSION });
    expect(result.flow).toEqual(current);
    // Its version 2 twin, released too, says the same.
    const v2 = JSON.parse(readFileSync(join(FIXTURES, "flows-v2", name), "utf8"));
    expect({ ...v1, version: 2 }).toEqual(v2);
  });

  it("sets aside a memoryWindowTokens a version 1 file held as an unknown field", () => {
    const v1 = JSON.parse(
      readFileSync(join(FIXTURES, "flows-v1", "chat-with-memory.flow.json"), "utf8"),
    );
    v1.nodes[1].config.memoryWindowTokens = "mine";
    const result = migrate(v1, 1);
    if (!result.ok) throw new Error(result.message);
    const config = (result.file.nodes as { config?: Record<string, unknown> }[])[1]?.config;
    expect(config?.memoryWindowTokens).toBeUndefined();
    expect(config?.memoryWindowTokensV1).toBe("mine");
    expect(readFlowFile(JSON.stringify(v1)).ok).toBe(true);
  });

  it("reads a version 2 file with a token budget as it is", () => {
    const text = readFileSync(join(FIXTURES, "flows", "memory-token-budget.flow.json"), "utf8");
    const result = readFlowFile(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.migratedFrom).toBeUndefined();
    const llm = result.flow.nodes[1];
    expect(llm?.type === "llm" && llm.config.memoryWindowTokens).toBe(40);
  });

  it("refuses a token budget that is not a whole number >= 1", () => {
    const text = readFileSync(join(FIXTURES, "flows", "memory-token-budget.flow.json"), "utf8");
    for (const bad of [0, -3, 2.5, "40", null]) {
      const file = JSON.parse(text);
      file.nodes[1].config.memoryWindowTokens = bad;
      const result = readFlowFile(JSON.stringify(file));
      expect(result.ok ? [] : result.errors).toEqual([
        {
          path: "nodes[1].config.memoryWindowTokens",
          message: "must be a whole number >= 1",
        },
      ]);
    }
  });
});

const v2Names = readdirSync(join(FIXTURES, "flows-v2")).filter((f) => f.endsWith(".flow.json"));

describe("version 2 → 3", () => {
  it("has a released version 2 file for every current fixture that predates notes", () => {
    expect(v2Names.length).toBeGreaterThanOrEqual(7);
  });

  it.each(v2Names)(
    "imports the released version 2 file %s exactly as its version 3 copy",
    (name) => {
      const v2Text = readFileSync(join(FIXTURES, "flows-v2", name), "utf8");
      const v3Text = readFileSync(join(FIXTURES, "flows", name), "utf8");
      const v2 = JSON.parse(v2Text);
      expect(v2.version).toBe(2);
      const result = readFlowFile(v2Text);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.migratedFrom).toBe(2);
      expect(result.warnings).toContain(
        `Upgraded this file from an older format (${MIGRATIONS[2]?.name}).`,
      );
      // Only the version number differs: every node, setting, edge and memory is the same.
      expect(result.flow).toEqual({ ...v2, version: 3 });
      const v3 = readFlowFile(v3Text);
      if (!v3.ok) throw new Error(JSON.stringify(v3.errors));
      expect(result.flow).toEqual(v3.flow);
      // And it is written exactly as its version 3 copy.
      expect(writeFlowFile(result.flow)).toBe(v3Text);
    },
  );

  it("sets aside a notes field a version 2 file held as an unknown field", () => {
    const v2 = JSON.parse(
      readFileSync(join(FIXTURES, "flows-v2", "chat-with-memory.flow.json"), "utf8"),
    );
    v2.notes = [{ id: "mine", text: "not a sticky note", width: 1 }];
    const result = readFlowFile(JSON.stringify(v2));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.flow.notes).toBeUndefined();
    expect(result.flow.notesV2).toEqual(v2.notes);
  });

  it("sets aside a memorySummary an LLM node of a version 2 file held as an unknown field", () => {
    const v2 = JSON.parse(
      readFileSync(join(FIXTURES, "flows-v2", "chat-with-memory.flow.json"), "utf8"),
    );
    const llm = v2.nodes.find((n: { type: string }) => n.type === "llm");
    llm.config.memorySummary = "my own note";
    const result = readFlowFile(JSON.stringify(v2));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const read = result.flow.nodes.find((n) => n.type === "llm");
    if (read?.type !== "llm") throw new Error("no LLM node");
    expect(read.config.memorySummary).toBeUndefined();
    expect((read.config as Record<string, unknown>).memorySummaryV2).toBe("my own note");
  });

  it("refuses a version 4 file, naming both versions", () => {
    const v3 = JSON.parse(
      readFileSync(join(FIXTURES, "flows", "chat-with-memory.flow.json"), "utf8"),
    );
    const result = readFlowFile(JSON.stringify({ ...v3, version: 4 }));
    expect(result.ok ? [] : result.errors).toEqual([
      {
        path: "version",
        message:
          "This flow file is version 4; this app reads up to version 3. Update the app to open it.",
      },
    ]);
  });
});

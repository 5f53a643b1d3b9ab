import { describe, expect, it } from "vitest";
import { loadFlow } from "../../test/helpers/engineHarness";
import { memoryScope, withMemoryScope } from "../engine/memoryScope";
import { validateFlow } from "../engine/validateFlow";
import { formatFlowFileError } from "./flowFileErrors";
import { migrate } from "./migrations";
import { readFlowFile } from "./readFlowFile";
import { writeFlowFile } from "./writeFlowFile";

/* The flow-level `memories` object (docs/flow-format.md): its scope survives a file, bad ones are refused. */

const chat = () => loadFlow("chat-with-memory");

describe("a flow's memories in the file", () => {
  it("round-trips a flow-scoped memory, written after edges", () => {
    const flow = withMemoryScope(chat(), "chat_llm", "flow");
    const text = writeFlowFile(flow);
    expect(Object.keys(JSON.parse(text))).toEqual([
      "schema",
      "version",
      "name",
      "nodes",
      "edges",
      "memories",
    ]);
    const read = readFlowFile(text);
    if (!read.ok) throw new Error("refused");
    expect(memoryScope(read.flow, "chat_llm")).toBe("flow");
  });

  it("setting it back to conversation removes the entry (it is the default)", () => {
    const flow = withMemoryScope(
      withMemoryScope(chat(), "chat_llm", "flow"),
      "chat_llm",
      "conversation",
    );
    expect("memories" in flow).toBe(false);
    expect(memoryScope(flow, "chat_llm")).toBe("conversation");
  });

  it("refuses an unknown scope and a key that is not a memory id, saying where", () => {
    const file = JSON.parse(writeFlowFile(chat()));
    const bad = (memories: unknown) => {
      const read = readFlowFile(JSON.stringify({ ...file, memories }));
      return read.ok ? [] : read.errors.map(formatFlowFileError);
    };
    expect(bad({ chat_llm: { scope: "global" } }).join("\n")).toMatch(
      /memories.*chat_llm.*scope.*must be one of conversation, flow/,
    );
    expect(bad({ "9bad": { scope: "flow" } }).join("\n")).toMatch(/must be a memory id/);
  });

  it("a memories entry no node uses is a warning naming it", () => {
    const flow = withMemoryScope(chat(), "profile", "flow");
    const problems = validateFlow(flow).filter((p) => p.memoryId === "profile");
    expect(problems).toHaveLength(1);
    expect(problems[0]?.severity).toBe("warning");
    expect(problems[0]?.message).toMatch(/"profile".*no LLM node uses/);
    expect(validateFlow(withMemoryScope(chat(), "chat_llm", "flow"))).toEqual(validateFlow(chat()));
  });

  it("a version 1 file's own `memories` field keeps its old meaning (renamed aside)", () => {
    const v1 = {
      ...JSON.parse(writeFlowFile(chat())),
      version: 1,
      memories: { chat_llm: { scope: "flow" } },
    };
    const migrated = migrate(v1, 1);
    if (!migrated.ok) throw new Error(migrated.message);
    expect(migrated.file.memories).toBeUndefined();
    expect(migrated.file.memoriesV1).toEqual({ chat_llm: { scope: "flow" } });
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { STARTER_FLOWS } from "../../engine/starterFlows";
import { DEFAULT_MAX_BYTES, writeFlowFile } from "../../format";
import { type ImportFile, readImportFile } from "./readImportFile";

const fixture = (path: string) =>
  readFileSync(new URL(`../../../test/fixtures/${path}`, import.meta.url), "utf8");

const fileOf = (name: string, text: string): ImportFile => ({
  name,
  size: new TextEncoder().encode(text).length,
  text: vi.fn(async () => text),
});

describe("readImportFile", () => {
  it("previews a good file: its name, counts, memories and providers", async () => {
    const flow = STARTER_FLOWS.sharedMemory.build();
    const read = await readImportFile(fileOf("shared.flow.json", writeFlowFile(flow)));
    expect(read).toMatchObject({
      kind: "preview",
      fileName: "shared.flow.json",
      summary: {
        name: "Two LLMs sharing one memory",
        nodeCount: 4,
        edgeCount: 3,
        memories: [{ memoryId: "shared_memory", nodeIds: ["llm1", "llm2"] }],
      },
      hasConversations: false,
    });
    expect(read).not.toHaveProperty("migratedFrom");
  });

  it("refuses a bad file with each problem's path, as the fixtures expect", async () => {
    const expected = JSON.parse(fixture("bad-flows/expected.json"));
    const read = await readImportFile(
      fileOf("window-negative.json", fixture("bad-flows/window-negative.json")),
    );
    expect(read.kind).toBe("refused");
    const errors = read.kind === "refused" ? read.errors : [];
    expect(errors.map((e) => `${e.path}: ${e.message}`)).toEqual(expected["window-negative.json"]);
  });

  it("refuses a file over 10 MB without reading it", async () => {
    const file: ImportFile = { name: "huge.json", size: DEFAULT_MAX_BYTES + 1, text: vi.fn() };
    const read = await readImportFile(file);
    expect(file.text).not.toHaveBeenCalled();
    expect(read).toMatchObject({ kind: "refused", errors: [{ path: "" }] });
    expect(read.kind === "refused" && read.errors[0]?.message).toMatch(/largest flow file/);
  });

  it("says when the file cannot be read at all", async () => {
    const file: ImportFile = {
      name: "gone.json",
      size: 10,
      text: () => Promise.reject(new Error("the file was moved")),
    };
    expect(await readImportFile(file)).toEqual({
      kind: "refused",
      fileName: "gone.json",
      errors: [{ path: "", message: "Could not read the file: the file was moved" }],
    });
  });

  it("tells an older file's version and a file holding conversations", async () => {
    const draft = {
      schema: "llm-flow-studio/flow",
      version: 0,
      name: "Draft",
      nodes: [
        { id: "input", kind: "input", position: { x: 0, y: 0 } },
        { id: "out", kind: "output", position: { x: 1, y: 0 }, config: { value: "{{input}}" } },
      ],
      edges: [{ source: "input", target: "out" }],
      conversations: { conversations: [], runs: [], memoryMessages: [] },
    };
    const read = await readImportFile(fileOf("draft.json", JSON.stringify(draft)));
    expect(read).toMatchObject({
      kind: "preview",
      migratedFrom: 0,
      hasConversations: true,
      conversations: { counts: { conversations: 0, runs: 0, memoryMessages: 0 } },
    });
    // The conversations come apart from the flow: the flow saved is the flow alone.
    expect(read.kind === "preview" && "conversations" in read.flow).toBe(false);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Flow } from "../engine/flow";
import { noteId } from "../engine/ids";
import { STARTER_FLOWS } from "../engine/starterFlows";
import { readFlowFile } from "./readFlowFile";
import { readFlowFragment } from "./readFlowFragment";
import { writeFlowFile, writeFlowFragment } from "./writeFlowFile";

const FIXTURES = join(import.meta.dirname, "../../test/fixtures/flows");

function reread(text: string): Flow {
  const result = readFlowFile(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.flow;
}

describe("writeFlowFile", () => {
  it("writes the fixtures byte for byte as they are checked in", () => {
    for (const name of [
      "chat-with-memory",
      "shared-memory-parallel",
      "window-0",
      "memory-token-budget",
    ]) {
      const text = readFileSync(join(FIXTURES, `${name}.flow.json`), "utf8");
      expect(writeFlowFile(reread(text))).toBe(text);
    }
  });

  it("puts keys in the documented order, unknown keys sorted after the known ones", () => {
    const flow = {
      zeta: 1,
      edges: [{ target: "b", label: "x", source: "a" }],
      nodes: [
        {
          zNode: true,
          config: {
            memoryId: "m",
            zz: 1,
            aa: 2,
            model: "x",
            provider: "openai",
            prompt: "{{input}}",
          },
          position: { y: 2, w: 0, x: 1 },
          type: "llm",
          id: "b",
        },
      ],
      alpha: { z: 1, a: { d: 1, c: 2 } },
      notes: [
        {
          zNote: 1,
          color: "blue",
          height: 80,
          width: 200,
          position: { y: 4, x: 3 },
          text: "**hi**",
          id: "note",
        },
      ],
      name: "N",
      version: 3,
      schema: "llm-flow-studio/flow",
    } as unknown as Flow;
    expect(writeFlowFile(flow)).toBe(
      `${JSON.stringify(
        {
          schema: "llm-flow-studio/flow",
          version: 3,
          name: "N",
          nodes: [
            {
              id: "b",
              type: "llm",
              position: { x: 1, y: 2, w: 0 },
              config: {
                provider: "openai",
                model: "x",
                prompt: "{{input}}",
                memoryId: "m",
                aa: 2,
                zz: 1,
              },
              zNode: true,
            },
          ],
          edges: [{ source: "a", target: "b", label: "x" }],
          notes: [
            {
              id: "note",
              text: "**hi**",
              position: { x: 3, y: 4 },
              width: 200,
              height: 80,
              color: "blue",
              zNote: 1,
            },
          ],
          alpha: { a: { c: 2, d: 1 }, z: 1 },
          zeta: 1,
        },
        null,
        2,
      )}\n`,
    );
  });

  it("is deterministic: the same flow gives the same bytes, whatever the key order in memory", () => {
    const flow = STARTER_FLOWS.summarizeThenAnswer.build();
    const shuffled = JSON.parse(JSON.stringify(flow), (_key, value) =>
      value && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    );
    expect(writeFlowFile(shuffled)).toBe(writeFlowFile(flow));
    expect(writeFlowFile(reread(writeFlowFile(flow)))).toBe(writeFlowFile(flow));
  });

  it("never writes a secret, in the config or deep inside an unknown field", () => {
    const flow = STARTER_FLOWS.chatWithMemory.build();
    const llm = flow.nodes[1];
    if (llm?.type !== "llm") throw new Error("fixture changed");
    llm.config.apiKey = "sk-in-config";
    llm.config.API_KEY = "sk-upper";
    const withSecrets = {
      ...flow,
      plugin: { settings: [{ auth: { token: "tok-nested", password: "hunter2" } }] },
      headers: { Authorization: "Bearer abc", "x-api-key": "sk-header" },
    };
    const text = writeFlowFile(withSecrets, {
      conversations: { runs: [{ credentials: { api_key: "sk-run", secret: "s" } }] },
    });
    for (const secret of [
      "sk-in-config",
      "sk-upper",
      "tok-nested",
      "hunter2",
      "Bearer",
      "sk-header",
      "sk-run",
    ]) {
      expect(text).not.toContain(secret);
    }
    for (const key of [
      "apiKey",
      "API_KEY",
      "token",
      "password",
      "Authorization",
      "x-api-key",
      "api_key",
      "secret",
    ]) {
      expect(text).not.toContain(`"${key}"`);
    }
    // What is not secret stays: the rest of the unknown field, with its structure.
    expect(JSON.parse(text).plugin).toEqual({ settings: [{ auth: {} }] });
  });

  it("keeps maxTokens: only exact secret names are dropped", () => {
    const flow = STARTER_FLOWS.chatWithMemory.build();
    const llm = flow.nodes[1];
    if (llm?.type !== "llm") throw new Error("fixture changed");
    llm.config.maxTokens = 10;
    llm.config.tokenizer = "cl100k";
    const config = JSON.parse(writeFlowFile(flow)).nodes[1].config;
    expect(config.maxTokens).toBe(10);
    expect(config.tokenizer).toBe("cl100k");
  });

  it("leaves conversations out unless asked, and never takes them from the flow itself", () => {
    const flow = { ...STARTER_FLOWS.chatWithMemory.build(), conversations: ["stray"] };
    expect(JSON.parse(writeFlowFile(flow)).conversations).toBeUndefined();
    const section = { conversations: [{ id: "c1" }], memoryMessages: [{ text: "Hi" }] };
    const text = writeFlowFile(flow, { conversations: section });
    expect(JSON.parse(text).conversations).toEqual(section);
    expect(Object.keys(JSON.parse(text)).at(-1)).toBe("conversations");
  });

  it("ends with one newline and indents by two spaces", () => {
    const text = writeFlowFile(STARTER_FLOWS.chatWithoutMemory.build());
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")[1]).toBe('  "schema": "llm-flow-studio/flow",');
  });
});

describe("writeFlowFragment and readFlowFragment", () => {
  const flow = STARTER_FLOWS.sharedMemory.build();

  it("copy then paste gives back the nodes and the edges between them", () => {
    const nodes = flow.nodes.filter((n) => n.id === "llm1" || n.id === "llm2");
    const edges = flow.edges;
    const pasted = readFlowFragment(writeFlowFragment({ nodes, edges }));
    expect(pasted).toEqual({
      ok: true,
      nodes,
      edges: [{ source: "llm1", target: "llm2" }],
      notes: [],
      warnings: ["2 connections to nodes outside what was pasted were left out."],
    });
  });

  it("carries copied sticky notes (version 3) with their text, place, size and colour", () => {
    const notes = [
      {
        id: noteId("note"),
        text: "# Why\n\n**shared** memory",
        position: { x: 10, y: 20 },
        width: 300,
        height: 120,
        color: "blue" as const,
      },
    ];
    const text = writeFlowFragment({ nodes: [], edges: [], notes });
    expect(JSON.parse(text).notes).toEqual(notes);
    expect(readFlowFragment(text)).toEqual({ ok: true, nodes: [], edges: [], notes, warnings: [] });
    // No notes copied: no notes field, as before version 3.
    expect(JSON.parse(writeFlowFragment({ nodes: [], edges: [] }))).not.toHaveProperty("notes");
  });

  it("accepts a whole flow file, {nodes} alone, and migrates an old version", () => {
    expect(readFlowFragment(writeFlowFile(flow))).toMatchObject({ ok: true, nodes: flow.nodes });
    expect(readFlowFragment('{"nodes": []}')).toEqual({
      ok: true,
      nodes: [],
      edges: [],
      notes: [],
      warnings: [],
    });
    const v0 = {
      schema: "llm-flow-studio/flow",
      version: 0,
      nodes: [{ id: "a", kind: "template", position: { x: 0, y: 0 }, config: { template: "x" } }],
    };
    const pasted = readFlowFragment(JSON.stringify(v0));
    expect(pasted.ok && pasted.nodes[0]?.type).toBe("template");
  });

  it("refuses text that is not a piece of a flow, duplicates, and bad nodes", () => {
    expect(readFlowFragment("hello")).toEqual({
      ok: false,
      errors: [{ path: "", message: "Not JSON: unexpected character at line 1, column 1." }],
    });
    expect(readFlowFragment('{"edges": []}')).toEqual({
      ok: false,
      errors: [
        { path: "", message: 'This is not a flow or a piece of one (no "nodes" list to paste).' },
      ],
    });
    const node = { id: "a", type: "output", position: { x: 0, y: 0 }, config: {} };
    expect(readFlowFragment(JSON.stringify({ nodes: [node, node] }))).toEqual({
      ok: false,
      errors: [{ path: "nodes[1].id", message: 'Two nodes have the id "a": ids must be unique.' }],
    });
    expect(readFlowFragment('{"nodes": [{"id": "1a", "type": "llm"}]}')).toEqual({
      ok: false,
      errors: [
        {
          path: "nodes[0].id",
          message: "must start with a letter or _ and contain only letters, digits and _",
        },
        { path: "nodes[0].position", message: "is required" },
        { path: "nodes[0].config", message: "is required" },
      ],
    });
    expect(
      readFlowFragment('{"schema": "llm-flow-studio/flow", "version": 9, "nodes": []}'),
    ).toMatchObject({
      ok: false,
      errors: [{ path: "version" }],
    });
  });

  it("drops secrets from what is pasted", () => {
    const nodes = [{ id: "a", type: "output", position: { x: 0, y: 0 }, config: { token: "t0k" } }];
    const pasted = readFlowFragment(JSON.stringify({ nodes }));
    expect(JSON.stringify(pasted)).not.toContain("t0k");
    expect(pasted.ok && pasted.warnings).toEqual([
      "Left out nodes[0].config.token: flows never carry keys or passwords.",
    ]);
  });
});

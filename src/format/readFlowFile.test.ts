import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Flow } from "../engine/flow";
import { STARTER_FLOWS } from "../engine/starterFlows";
import { formatFlowFileError } from "./flowFileErrors";
import { readFlowFile } from "./readFlowFile";
import { writeFlowFile } from "./writeFlowFile";

const FIXTURES = join(import.meta.dirname, "../../test/fixtures/flows");
const fixtureNames = readdirSync(FIXTURES).filter((f) => f.endsWith(".flow.json"));

function accepted(text: string): Flow {
  const result = readFlowFile(text);
  if (!result.ok) throw new Error(result.errors.map(formatFlowFileError).join("\n"));
  return result.flow;
}

const errorsOf = (text: string, options?: { maxBytes?: number }) => {
  const result = readFlowFile(text, options);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatFlowFileError);
};

const chatWithMemory = () => STARTER_FLOWS.chatWithMemory.build();

describe("readFlowFile accepts the flows the app ships and writes", () => {
  it.each(fixtureNames)("test/fixtures/flows/%s", (name) => {
    const text = readFileSync(join(FIXTURES, name), "utf8");
    expect(accepted(text)).toEqual(JSON.parse(text));
  });

  it.each(Object.keys(STARTER_FLOWS) as (keyof typeof STARTER_FLOWS)[])(
    "starter flow %s, written then read",
    (id) => {
      const flow = STARTER_FLOWS[id].build();
      expect(accepted(writeFlowFile(flow))).toEqual(flow);
    },
  );

  it("passes the engine's warnings on without refusing", () => {
    const flow = STARTER_FLOWS.sharedMemory.build();
    const llm2 = flow.nodes[2];
    if (llm2?.type !== "llm") throw new Error("fixture changed");
    llm2.config.memoryWindowSize = 3;
    const result = readFlowFile(writeFlowFile(flow));
    expect(result.ok && result.warnings).toEqual([
      'llm1, llm2 share memory "shared_memory" with different window sizes (llm1: all, llm2: 3); is that intended?',
    ]);
  });
});

describe("readFlowFile refuses, in this order, with a path and a message", () => {
  it("a text over the size limit, naming both sizes", () => {
    expect(errorsOf("x".repeat(12.3 * 1024 * 1024))).toEqual([
      "The file is 12.3 MB; the largest flow file accepted is 10 MB.",
    ]);
    expect(errorsOf(writeFlowFile(chatWithMemory()), { maxBytes: 100 })[0]).toMatch(
      /^The file is \d+ bytes; the largest flow file accepted is 100 bytes\.$/,
    );
  });

  it("counts the limit in UTF-8 bytes, not characters", () => {
    const flow = { ...chatWithMemory(), name: "é".repeat(600) };
    const text = writeFlowFile(flow);
    expect(readFlowFile(text, { maxBytes: text.length + 10 }).ok).toBe(false);
    expect(readFlowFile(text, { maxBytes: text.length + 600 }).ok).toBe(true);
  });

  it("text that is not JSON, with the line and column of the mistake", () => {
    expect(errorsOf('{\n  "schema": "llm-flow-studio/flow",\n  "version": 1,,\n}')).toEqual([
      "Not JSON: unexpected character at line 3, column 16.",
    ]);
    expect(errorsOf('{ "nodes": [1, 2')).toEqual([
      "Not JSON: the text ends too early, at line 1, column 17 (something is not closed).",
    ]);
    expect(errorsOf("   ")).toEqual(["Not JSON: the file is empty."]);
  });

  it("reads a file that starts with a byte-order mark", () => {
    expect(accepted(`\uFEFF${writeFlowFile(chatWithMemory())}`)).toEqual(chatWithMemory());
  });

  it("JSON that is not a flow file", () => {
    const notAFlow =
      'This is not an LLM Flow Studio flow file (no "schema": "llm-flow-studio/flow").';
    for (const text of ["[]", "42", '"flow"', "null", "{}", '{"schema": "something/else"}']) {
      expect(errorsOf(text)).toEqual([notAFlow]);
    }
  });

  it("a newer version, naming both versions, before looking at anything else", () => {
    expect(
      errorsOf('{"schema": "llm-flow-studio/flow", "version": 4, "nodes": "whatever"}'),
    ).toEqual([
      "version: This flow file is version 4; this app reads up to version 3. Update the app to open it.",
    ]);
  });

  it("a version that is missing, not a whole number or never existed", () => {
    const head = '{"schema": "llm-flow-studio/flow"';
    expect(errorsOf(`${head}}`)).toEqual([
      "version: is required: this app reads flow files up to version 3",
    ]);
    expect(errorsOf(`${head}, "version": "1"}`)).toEqual([
      "version: must be a whole number (this app reads up to version 3)",
    ]);
    expect(errorsOf(`${head}, "version": 1.5}`)).toEqual([
      "version: must be a whole number (this app reads up to version 3)",
    ]);
    expect(errorsOf(`${head}, "version": -1}`)).toEqual([
      "version: This flow file says version -1, which never existed; this app reads versions 0 to 3.",
    ]);
  });

  it("values nested absurdly deep, without overflowing the stack", () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    const text = writeFlowFile(chatWithMemory()).replace('"name":', `"deep": ${deep}, "name":`);
    expect(errorsOf(text)).toEqual([
      "Values in this file are nested more than 100 levels deep; a flow file never needs that.",
    ]);
    expect(errorsOf(`${"[".repeat(200_000)}`)[0]).toMatch(/^Not JSON: the text ends too early/);
  });

  it("schema problems, each with its path, all at once", () => {
    const flow = chatWithMemory();
    const file = JSON.parse(writeFlowFile(flow));
    file.nodes[1].config.memoryWindowSize = 2.5;
    file.nodes[1].config.temperature = 3;
    file.nodes[1].config.provider = "openia";
    file.nodes[2].position = { x: "0" };
    file.edges[0] = "input->chat_llm";
    expect(errorsOf(JSON.stringify(file))).toEqual([
      "nodes[1].config.provider: must be one of echo, openai, anthropic, google, openai-compatible",
      "nodes[1].config.temperature: must be a number from 0 to 2",
      "nodes[1].config.memoryWindowSize: must be a whole number >= 0",
      "nodes[2].position.x: must be a number",
      "nodes[2].position.y: is required",
      "edges[0]: must be an object with source and target",
    ]);
  });

  it("the engine's semantic errors, at the node they name", () => {
    const flow = chatWithMemory();
    const llm = flow.nodes[1];
    if (llm?.type !== "llm") throw new Error("fixture changed");
    llm.config.model = "";
    expect(errorsOf(writeFlowFile(flow))).toEqual([
      'nodes[1].config.model: LLM "chat_llm" has no model: choose one.',
    ]);
  });

  it("never throws, whatever the text", () => {
    for (const text of [
      "",
      "{",
      '{"schema":"llm-flow-studio/flow","version":0,"nodes":7}',
      "\u0000",
    ]) {
      expect(() => readFlowFile(text)).not.toThrow();
    }
  });
});

describe("readFlowFile keeps what it does not know and drops secrets", () => {
  it("keeps unknown fields at every level", () => {
    const file = JSON.parse(writeFlowFile(chatWithMemory()));
    file.futureTop = { a: [1, { b: null }] };
    file.nodes[0].futureNode = "n";
    file.nodes[0].position.z = 3;
    file.nodes[1].config.futureConfig = true;
    file.edges[1].label = "reply";
    const flow = accepted(JSON.stringify(file));
    expect(flow).toEqual(file);
    // …and they are written back: the round trip loses nothing.
    expect(JSON.parse(writeFlowFile(flow))).toEqual(file);
  });

  it("removes secret-looking keys with a warning naming where they were", () => {
    const file = JSON.parse(writeFlowFile(chatWithMemory()));
    file.nodes[1].config.apiKey = "sk-secret";
    file.extra = { headers: { Authorization: "Bearer x" } };
    const result = readFlowFile(JSON.stringify(file));
    if (!result.ok) throw new Error("refused");
    expect(JSON.stringify(result.flow)).not.toContain("sk-secret");
    expect(JSON.stringify(result.flow)).not.toContain("Bearer");
    expect(result.warnings).toEqual([
      "Left out nodes[1].config.apiKey: flow files never carry keys or passwords; enter keys in Settings.",
      "Left out extra.headers.Authorization: flow files never carry keys or passwords; enter keys in Settings.",
    ]);
  });

  it("returns the conversations section apart from the flow", () => {
    const conversations = { conversations: [{ id: "c1", title: "Hi" }], runs: [] };
    const result = readFlowFile(writeFlowFile(chatWithMemory(), { conversations }));
    if (!result.ok) throw new Error("refused");
    expect(result.conversations).toEqual(conversations);
    expect(result.flow).toEqual(chatWithMemory());
    expect(Object.hasOwn(result.flow, "conversations")).toBe(false);
  });

  it('treats a "__proto__" key as data, never as a prototype', () => {
    const text = writeFlowFile(chatWithMemory()).replace(
      '"name":',
      '"__proto__": {"polluted": true}, "name":',
    );
    const flow = accepted(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((flow as Record<string, unknown>).polluted).toBeUndefined();
  });
});

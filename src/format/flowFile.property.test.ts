import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Flow } from "../engine/flow";
import { validateFlow } from "../engine/validateFlow";
import { readFlowFile } from "./readFlowFile";
import { buildValidFlow } from "./testSupport/flowArbitraries";
import { writeFlowFile } from "./writeFlowFile";

const RUNS = { numRuns: 300 };

describe("any valid flow survives a file round trip", () => {
  it("the generator only makes flows the engine accepts", () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const flow = buildValidFlow(g);
        expect(validateFlow(flow).filter((p) => p.severity === "error")).toEqual([]);
      }),
      RUNS,
    );
  }, 60_000);

  it("write → read gives an equal flow, and writing it again gives the same bytes", () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const flow = buildValidFlow(g);
        const text = writeFlowFile(flow);
        const result = readFlowFile(text);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        expect(result.flow).toEqual(flow);
        expect(writeFlowFile(result.flow)).toBe(text);
      }),
      RUNS,
    );
  }, 60_000);
});

/** A mutation of a file's text; `refused` says the reader must say no to the result. */
interface Mutation {
  name: string;
  text: string;
  refused: boolean;
}

type Json = Record<string, unknown> | unknown[];

/** Every object or array in a JSON tree, with a way to reach it. */
function containers(root: unknown): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown) => {
    if (v === null || typeof v !== "object") return;
    out.push(v as Json);
    for (const child of Object.values(v)) visit(child);
  };
  visit(root);
  return out;
}

function mutate(g: fc.GeneratorValue, flow: Flow): Mutation {
  const text = writeFlowFile(flow);
  const file = JSON.parse(text);
  const pickContainer = () => g(fc.constantFrom, ...containers(file));
  const pickKey = (c: Json) => {
    const keys = Object.keys(c);
    return keys.length === 0 ? undefined : g(fc.constantFrom, ...keys);
  };
  const kind = g(
    fc.constantFrom,
    "delete a key",
    "change a type",
    "insert garbage",
    "truncate",
    "duplicate a node",
    "edge to a missing node",
    "make a cycle",
  );
  switch (kind) {
    case "delete a key": {
      const c = pickContainer();
      const key = pickKey(c);
      if (key !== undefined) {
        if (Array.isArray(c)) c.splice(Number(key), 1);
        else delete c[key];
      }
      return { name: kind, text: JSON.stringify(file), refused: false };
    }
    case "change a type": {
      const c = pickContainer();
      const key = pickKey(c);
      if (key !== undefined) (c as Record<string, unknown>)[key] = g(fc.jsonValue, { maxDepth: 2 });
      return { name: kind, text: JSON.stringify(file), refused: false };
    }
    case "insert garbage": {
      const at = g(fc.integer, { min: 0, max: text.length });
      const junk = g(fc.string, { minLength: 1, maxLength: 8, unit: "binary" });
      return { name: kind, text: text.slice(0, at) + junk + text.slice(at), refused: false };
    }
    case "truncate": {
      // Any proper prefix of a pretty-printed object is unfinished JSON.
      const at = g(fc.integer, { min: 0, max: text.trimEnd().length - 1 });
      return { name: kind, text: text.slice(0, at), refused: true };
    }
    case "duplicate a node": {
      const i = g(fc.integer, { min: 0, max: file.nodes.length - 1 });
      file.nodes.splice(g(fc.integer, { min: 0, max: file.nodes.length }), 0, file.nodes[i]);
      return { name: kind, text: JSON.stringify(file), refused: true };
    }
    case "edge to a missing node": {
      const existing = g(fc.constantFrom, ...file.nodes.map((n: { id: string }) => n.id));
      const missing = `${file.nodes.map((n: { id: string }) => n.id).join("")}_gone`;
      file.edges.push(
        g(fc.boolean)
          ? { source: existing, target: missing }
          : { source: missing, target: existing },
      );
      return { name: kind, text: JSON.stringify(file), refused: true };
    }
    case "make a cycle": {
      // Reverse any edge between two non-input nodes: with the original it is a loop of two.
      const inputs = new Set(
        flow.nodes.filter((n) => n.type === "input").map((n) => n.id as string),
      );
      const candidates = flow.edges.filter((e) => !inputs.has(e.source));
      const edge = candidates.length > 0 ? g(fc.constantFrom, ...candidates) : flow.edges[0];
      if (edge) file.edges.push({ source: edge.target, target: edge.source });
      return { name: kind, text: JSON.stringify(file), refused: edge !== undefined };
    }
  }
  throw new Error(`unknown mutation ${kind}`);
}

describe("a damaged file is refused with errors or read as a valid flow, never a crash", () => {
  it("random mutations of valid files", () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const mutation = mutate(g, buildValidFlow(g));
        let result: ReturnType<typeof readFlowFile> | undefined;
        expect(() => {
          result = readFlowFile(mutation.text);
        }, mutation.name).not.toThrow();
        if (result === undefined) return;
        if (result.ok) {
          expect(mutation.refused, `${mutation.name} was accepted`).toBe(false);
          // Whatever is accepted can run, and is stable when written again.
          expect(validateFlow(result.flow).filter((p) => p.severity === "error")).toEqual([]);
          const again = writeFlowFile(result.flow);
          expect(writeFlowFile((readFlowFile(again) as { flow: Flow }).flow)).toBe(again);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) {
            expect(typeof error.path).toBe("string");
            expect(error.message).toMatch(/\S/);
          }
        }
      }),
      { numRuns: 400 },
    );
  }, 60_000);
});

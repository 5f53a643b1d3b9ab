import { describe, expect, it } from "vitest";
import type { RunId } from "../engine/ids";
import type { RunSnapshot } from "../engine/runSnapshot";
import { buildTree, latestLeaf, pathTo, siblingsOf } from "./conversationTree";

const run = (id: string, parent: string | null, startedAt: number) =>
  ({ id, parentRunId: parent, startedAt, input: id }) as unknown as RunSnapshot;

// r1 → r2 → r3, then the second message was edited: r1 → r2b → r3b.
const tree = buildTree([
  run("r1", null, 1),
  run("r2", "r1", 2),
  run("r3", "r2", 3),
  run("r2b", "r1", 4),
  run("r3b", "r2b", 5),
]);

describe("conversation tree", () => {
  it("walks a branch from its first message", () => {
    expect(pathTo(tree, "r3" as RunId).map((r) => r.id)).toEqual(["r1", "r2", "r3"]);
  });

  it("lists the alternatives at a point, oldest first", () => {
    expect(siblingsOf(tree, "r2b" as RunId)).toEqual(["r2", "r2b"]);
    expect(siblingsOf(tree, "r1" as RunId)).toEqual(["r1"]);
  });

  it("switching to a branch leads to its newest message", () => {
    expect(latestLeaf(tree, "r2" as RunId)).toBe("r3");
    expect(latestLeaf(tree, "r1" as RunId)).toBe("r3b");
  });
});

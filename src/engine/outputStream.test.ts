import { describe, expect, it } from "vitest";
import { loadFlow } from "../../test/helpers/engineHarness";
import { nodeId } from "./ids";
import { outputStreamSource } from "./outputStream";

describe("outputStreamSource", () => {
  it("streams the LLM an output shows verbatim", () => {
    expect(outputStreamSource(loadFlow("chat-with-memory"), nodeId("output"))).toBe("chat_llm");
  });

  it("does not stream an output that wraps replies in other text", () => {
    expect(outputStreamSource(loadFlow("shared-memory-parallel"), nodeId("output"))).toBeNull();
  });
});

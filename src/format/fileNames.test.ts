import { describe, expect, it } from "vitest";
import { flowFileName, timbalPythonFileName } from "./fileNames";

describe("file names from a flow's name", () => {
  it("matches the fixtures' naming and gives valid Python module names", () => {
    expect(flowFileName({ name: "Chat with memory" })).toBe("chat-with-memory.flow.json");
    expect(timbalPythonFileName({ name: "Chat with memory" })).toBe("chat_with_memory.py");
    expect(flowFileName({ name: "Résumé: v2!" })).toBe("resume-v2.flow.json");
    expect(timbalPythonFileName({ name: "2 LLMs" })).toBe("flow_2_llms.py");
    expect(flowFileName({ name: "" })).toBe("flow.flow.json");
    expect(timbalPythonFileName({ name: "日本語" })).toBe("flow.py");
  });
});

import { describe, expect, it } from "vitest";
import {
  parseBaseUrl,
  parseMaxTokens,
  parseMemoryId,
  parseModel,
  parseTemperature,
} from "./fieldParsers";

describe("inspector field parsers", () => {
  it("accepts temperatures from 0 to 2 as they are typed, empty for the default", () => {
    expect(parseTemperature("")).toEqual({ value: undefined });
    expect(parseTemperature("0.")).toEqual({ value: 0 });
    expect(parseTemperature(".5")).toEqual({ value: 0.5 });
    expect(parseTemperature("2")).toEqual({ value: 2 });
    for (const bad of ["2.1", "-1", "1e0", "warm"])
      expect(parseTemperature(bad)).toHaveProperty("error");
  });

  it("accepts max tokens as whole numbers ≥ 1", () => {
    expect(parseMaxTokens(" 256 ")).toEqual({ value: 256 });
    expect(parseMaxTokens("")).toEqual({ value: undefined });
    for (const bad of ["0", "1.5", "-3", "many"])
      expect(parseMaxTokens(bad)).toHaveProperty("error");
  });

  it("refuses memory ids that are not identifiers, and an empty one", () => {
    expect(parseMemoryId("shared_memory")).toEqual({ value: "shared_memory" });
    for (const bad of ["", "2chat", "my memory", "chat-llm"])
      expect(parseMemoryId(bad)).toHaveProperty("error");
  });

  it("requires a base URL only for OpenAI-compatible servers, and only http(s)", () => {
    expect(parseBaseUrl("openai", "")).toEqual({ value: undefined });
    expect(parseBaseUrl("openai-compatible", "")).toHaveProperty("error");
    expect(parseBaseUrl("openai-compatible", "http://localhost:11434/v1")).toEqual({
      value: "http://localhost:11434/v1",
    });
    expect(parseBaseUrl("openai", "ftp://example.com")).toHaveProperty("error");
    expect(parseBaseUrl("openai", "localhost")).toHaveProperty("error");
  });

  it("refuses an empty model", () => {
    expect(parseModel("  ")).toHaveProperty("error");
    expect(parseModel(" gpt ")).toEqual({ value: "gpt" });
  });
});

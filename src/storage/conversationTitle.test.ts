import { describe, expect, it } from "vitest";
import { conversationTitle } from "./conversationTitle";

describe("conversationTitle", () => {
  it("keeps a short input as it is, on one line", () => {
    expect(conversationTitle("  Hi!\n\nMy name   is David ")).toBe("Hi! My name is David");
  });

  it("cuts a long input to 40 characters with an ellipsis, never splitting an emoji", () => {
    const title = conversationTitle(`${"😀".repeat(50)}`);
    expect(Array.from(title)).toHaveLength(40);
    expect(title.endsWith("😀…")).toBe(true);
  });

  it("names an empty input", () => {
    expect(conversationTitle("   ")).toBe("New conversation");
  });
});

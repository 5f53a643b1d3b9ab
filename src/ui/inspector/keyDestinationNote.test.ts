import { describe, expect, it } from "vitest";
import { keyDestinationNote } from "./keyDestinationNote";

const KEY = "sk-note-0123";

describe("keyDestinationNote", () => {
  it("says the key goes only to the provider's own API", () => {
    const note = keyDestinationNote("openai", undefined, { apiKey: KEY });
    expect(note).toEqual({
      text: expect.stringContaining("your OpenAI key go only to https://api.openai.com"),
      kept: false,
    });
  });

  it("says plainly when the node's server does not get the key", () => {
    const note = keyDestinationNote("openai", "http://evil.test:1/v1", { apiKey: KEY });
    expect(note.kept).toBe(true);
    expect(note.text).toBe(
      "Requests go to http://evil.test:1; your OpenAI key is not sent there: approve that server in Settings to send it.",
    );
    expect(note.text).not.toContain(KEY);
  });

  it("follows approvals and the Settings address", () => {
    const approved = { apiKey: KEY, approvedOrigins: ["http://evil.test:1"] };
    expect(keyDestinationNote("anthropic", "http://evil.test:1/v1", approved).kept).toBe(false);
    const local = { apiKey: KEY, baseUrl: "http://localhost:11434/v1" };
    expect(keyDestinationNote("openai-compatible", undefined, local).text).toContain(
      "go only to http://localhost:11434",
    );
    expect(keyDestinationNote("openai-compatible", undefined, undefined).text).toContain(
      "need a base URL",
    );
  });
});

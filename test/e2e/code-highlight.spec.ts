import { seriousViolations } from "./axe";
import { chat, expect, sendMessage, test, useOpenAiCompatible, waitForReply } from "./fixtures";

const PYTHON_REPLY = [
  "Here it is:",
  "",
  "```python",
  "def greet(name):",
  "    # say hello",
  '    return f"Hello, {name}!"',
  "```",
].join("\n");

/**
 * Code blocks in replies are syntax-highlighted once the highlighter (a lazy chunk, not on the
 * first page) has loaded, in both themes, readable for axe's contrast rules.
 */
for (const colorScheme of ["light", "dark"] as const) {
  test(`a python block in a reply shows highlighted tokens (${colorScheme} theme)`, async ({
    page,
    mockLlm,
  }) => {
    await page.emulateMedia({ colorScheme });
    const highlighter: string[] = [];
    page.on("request", (request) => {
      if (/codeHighlighter/.test(request.url())) highlighter.push(request.url());
    });
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("data-theme", colorScheme);
    await expect(page.getByRole("textbox", { name: "Message", exact: true })).toBeVisible();
    // The first page does not fetch the highlighter.
    expect(highlighter).toEqual([]);

    await useOpenAiCompatible(page, "chat_llm", `${mockLlm.url}/v1`);
    mockLlm.enqueue({ reply: PYTHON_REPLY });
    await sendMessage(page, "Write a greeting in Python");
    await waitForReply(page);

    const block = chat(page).locator(".chat-code pre");
    await expect(block.locator(".hljs-keyword").first()).toHaveText("def");
    await expect(block.locator(".hljs-comment")).toHaveText("# say hello");
    await expect(block.locator(".hljs-string")).toContainText("Hello, ");
    // Coloured, not only marked: the keyword is drawn in another colour than plain code.
    const [keyword, plain] = await Promise.all([
      block
        .locator(".hljs-keyword")
        .first()
        .evaluate((el) => getComputedStyle(el).color),
      block.evaluate((el) => getComputedStyle(el).color),
    ]);
    expect(keyword).not.toBe(plain);
    // The tokens keep the code exactly as written.
    await expect(block).toHaveText(PYTHON_REPLY.split("```python\n")[1]?.split("\n```")[0] ?? "");
    expect(highlighter.length).toBeGreaterThan(0);
    expect(await seriousViolations(page, ".chat-code")).toEqual([]);
  });
}

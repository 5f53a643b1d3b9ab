import { afterEach, describe, expect, it } from "vitest";
import { memoryKeyValueStorage } from "./browserServices";
import { DEFAULT_PANEL_LAYOUT } from "./panelLayout";
import { SETTINGS } from "./settingsKeys";
import { fakeBrowserServices, openTestStudio, type TestStudio } from "./storeTestSupport";
import { THEME_MIRROR_KEY } from "./viewSlice";

let studio: TestStudio;
afterEach(async () => {
  await studio.state().dispose();
  studio.storage.close();
});

describe("the theme", () => {
  it("is saved in IndexedDB and mirrored in localStorage under its fixed key", async () => {
    studio = await openTestStudio();
    expect(studio.state().theme).toBe("system");
    await studio.state().setTheme("dark");
    expect(studio.state().theme).toBe("dark");
    expect(THEME_MIRROR_KEY).toBe("llm-flow-studio.theme");
    expect(studio.browser.localStorage?.getItem(THEME_MIRROR_KEY)).toBe("dark");
    expect(await studio.storage.settings.get(SETTINGS.theme)).toBe("dark");
  });

  it("starts from the mirror (what index.html painted), then from IndexedDB once it is open", async () => {
    const localStorage = memoryKeyValueStorage();
    localStorage.setItem(THEME_MIRROR_KEY, "light");
    studio = await openTestStudio({ browser: fakeBrowserServices({ localStorage }), init: false });
    expect(studio.state().theme).toBe("light");
    await studio.storage.settings.put(SETTINGS.theme, "dark");
    await studio.state().init();
    expect(studio.state().theme).toBe("dark");
  });

  it("still applies when localStorage refuses, and falls back to the system theme", async () => {
    const refusing = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("SecurityError");
      },
      removeItem: () => {},
    };
    studio = await openTestStudio({ browser: fakeBrowserServices({ localStorage: refusing }) });
    expect(studio.state().theme).toBe("system");
    await studio.state().setTheme("light");
    expect(studio.state().theme).toBe("light");
    expect(await studio.storage.settings.get(SETTINGS.theme)).toBe("light");
  });
});

describe("panels", () => {
  it("switches the side panel tab and opens Settings on a provider", async () => {
    studio = await openTestStudio({ init: false });
    expect(studio.state().sideTab).toBe("chat");
    studio.state().setSideTab("runs");
    expect(studio.state().sideTab).toBe("runs");
    studio.state().openSettings("openai");
    expect(studio.state().settings).toEqual({ open: true, provider: "openai" });
    studio.state().closeSettings();
    expect(studio.state().settings).toEqual({ open: false });
    studio.state().openSettings();
    expect(studio.state().settings).toEqual({ open: true });
  });
});

describe("the panel layout", () => {
  it("starts from the defaults, saves each change in settings, and a reload finds it", async () => {
    studio = await openTestStudio();
    expect(studio.state().layout).toEqual(DEFAULT_PANEL_LAYOUT);
    await studio.state().setLayout({ right: 520, leftCollapsed: true });
    await studio.state().setLayout({ miniMap: false });
    const saved = { ...DEFAULT_PANEL_LAYOUT, right: 520, leftCollapsed: true, miniMap: false };
    expect(studio.state().layout).toEqual(saved);
    expect(await studio.storage.settings.get(SETTINGS.panelLayout)).toEqual(saved);

    const reopened = await openTestStudio({ storage: studio.storage, init: false });
    expect(reopened.state().layout).toEqual(DEFAULT_PANEL_LAYOUT);
    await reopened.state().init();
    expect(reopened.state().layout).toEqual(saved);
    await reopened.state().dispose();
  });

  it("keeps the default of each stored field that is wrong", async () => {
    studio = await openTestStudio({ init: false });
    await studio.storage.settings.put(SETTINGS.panelLayout, {
      left: "wide",
      right: 480,
      rightCollapsed: "yes",
      miniMap: false,
    });
    await studio.state().init();
    expect(studio.state().layout).toEqual({ ...DEFAULT_PANEL_LAYOUT, right: 480, miniMap: false });
  });
});

describe("the narrow-screen view", () => {
  it("starts on the chat; going back to it from the canvas shows the Chat tab", async () => {
    studio = await openTestStudio({ init: false });
    expect(studio.state().compactView).toBe("chat");
    studio.state().setCompactView("canvas");
    studio.state().setSideTab("node");
    expect(studio.state().sideTab).toBe("node");
    studio.state().setCompactView("chat");
    expect(studio.state().compactView).toBe("chat");
    expect(studio.state().sideTab).toBe("chat");
  });
});

import { describe, expect, it } from "vitest";
import { conversationLabels } from "./conversationLabels";

const NOW = new Date(2026, 10, 26, 15, 0);
const at = (...parts: [number, number, number, number, number]) => +new Date(...parts);

describe("conversationLabels", () => {
  it("shows unique titles as they are", () => {
    const labels = conversationLabels(
      [
        { title: "Trip to Lisbon", updatedAt: at(2026, 10, 26, 9, 5) },
        { title: "Recipe ideas", updatedAt: at(2026, 10, 20, 9, 5) },
      ],
      NOW,
    );
    expect(labels).toEqual(["Trip to Lisbon", "Recipe ideas"]);
  });

  it("tells conversations with the same title apart by when they were last active", () => {
    const [today, earlier, lastYear, other] = conversationLabels(
      [
        { title: "New conversation", updatedAt: at(2026, 10, 26, 9, 5) },
        { title: "New conversation", updatedAt: at(2026, 10, 2, 9, 5) },
        { title: "New conversation", updatedAt: at(2025, 10, 2, 9, 5) },
        { title: "Recipe ideas", updatedAt: at(2026, 10, 20, 9, 5) },
      ],
      NOW,
    );
    expect(new Set([today, earlier, lastYear]).size).toBe(3);
    expect(today).toMatch(/^New conversation · .*\b0?9\D05\b/);
    expect(earlier).not.toMatch(/2026/);
    expect(lastYear).toMatch(/2025/);
    expect(other).toBe("Recipe ideas");
  });
});

// @vitest-environment happy-dom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { render } from "../studioTestSupport";
import { Composer } from "./Composer";
import { resetStores, stubStudio } from "./chatTestSupport";

afterEach(() => {
  cleanup();
  resetStores();
});

const box = () => screen.getByRole<HTMLTextAreaElement>("textbox", { name: "Message" });

describe("Composer", () => {
  it("keeps a message that cannot be sent yet in the box, and says why", async () => {
    const reason = "A flow is opening: the message is kept, send it in a moment.";
    const blocker = vi.fn((): string | null => reason);
    const { send } = stubStudio({ sendBlocker: blocker });
    render(<Composer />);
    const user = userEvent.setup();
    await user.type(box(), "Hello{Enter}");

    expect(send).not.toHaveBeenCalled();
    expect(box().value).toBe("Hello");
    expect(screen.getByRole("status").textContent).toBe(reason);

    blocker.mockReturnValue(null);
    await user.type(box(), "{Enter}");
    expect(send).toHaveBeenCalledWith("Hello");
    expect(box().value).toBe("");
    expect(screen.queryByText(reason)).toBeNull();
  });
});

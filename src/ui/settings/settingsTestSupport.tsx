import { act, cleanup } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ProviderName } from "../../engine/flow";
import { render, resetTestStudio, testStudio } from "../studioTestSupport";
import { SettingsButton } from "./SettingsButton";
import { SettingsDialog } from "./SettingsDialog";

/** The header button and the dialog, as App has them. */
export function renderSettings() {
  const user = userEvent.setup();
  render(
    <>
      <SettingsButton />
      <SettingsDialog />
    </>,
  );
  return user;
}

export function openSettingsFor(provider: ProviderName | undefined) {
  act(() => testStudio().getState().openSettings(provider));
}

/** Back to a fresh page: no dialog, a fresh store (and so an empty session). */
export function resetSettings() {
  cleanup();
  resetTestStudio();
}

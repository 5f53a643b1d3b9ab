import { act, cleanup, render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useStudio } from "../../store/studioStore";
import { useUi } from "../../store/uiStore";
import { SettingsButton } from "./SettingsButton";
import { SettingsDialog } from "./SettingsDialog";

const initialStudio = useStudio.getState();
const initialUi = useUi.getState();

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

export function openSettingsFor(provider: Parameters<typeof initialUi.openSettings>[0]) {
  act(() => useUi.getState().openSettings(provider));
}

/** Back to a fresh page: no dialog, default stores, empty session. */
export function resetSettings() {
  cleanup();
  useStudio.setState(initialStudio, true);
  useUi.setState(initialUi, true);
  sessionStorage.clear();
}

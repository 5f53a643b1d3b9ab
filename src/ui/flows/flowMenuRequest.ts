import { create } from "zustand";

/**
 * Asks the header's Flows menu to open on its templates, from elsewhere on the page (the
 * empty canvas's hint). A counter, so asking twice opens it twice.
 */
export const useFlowMenuRequest = create(() => ({ templates: 0 }));

export function askForTemplates(): void {
  useFlowMenuRequest.setState((s) => ({ templates: s.templates + 1 }));
}

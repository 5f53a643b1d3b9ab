import type { FlowId } from "../engine/ids";

/** Settings keys. Do not change without a migration: they live in users' browsers. */
export const SETTINGS = {
  lastFlowId: "lastFlowId",
  credentials: "providerCredentials",
  /** "browser" or "session": where API keys are kept (credentialsStore.ts). */
  keyStorage: "keyStorage",
  /** The API keys sealed with the user's passphrase, in "passphrase" mode (keyVault.ts). */
  sealedKeys: "sealedApiKeys",
  theme: "theme",
  /** Side panel widths, which are collapsed, the minimap shown (panelLayout.ts). */
  panelLayout: "panelLayout",
  /** { firstByteMs, idleMs }: how long a call waits for an answer (callSettingsSlice.ts). */
  callTimeouts: "callTimeouts",
  viewport: (id: FlowId) => `viewport:${id}`,
  /** The conversation on screen in a flow (null: a new one), reopened after a reload. */
  openConversation: (id: FlowId) => `openConversation:${id}`,
} as const;

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
  viewport: (id: FlowId) => `viewport:${id}`,
} as const;

/*
 * The studio store's public face: the factory, the React provider and hooks, and the types the
 * UI needs (storage records are re-exported here, as types: src/ui never imports src/storage).
 * The state itself is built from slices, one concern per file (docs/architecture.md).
 */
export type { ConversationRecord } from "../storage/dbSchema";
export type { ChatSessionState } from "./chatSessionSlice";
export { createStudioStore, type StudioStore } from "./createStudioStore";
export type { FlowLibraryState, FlowSummary } from "./flowLibrarySlice";
export type { StorageStatus, StoreReads } from "./storeReads";
export { StudioProvider, useStudio, useStudioApi } from "./studioContext";
export type { StudioDeps } from "./studioDeps";
export type { StudioState } from "./studioState";
export { THEME_MIRROR_KEY, type Theme } from "./viewSlice";

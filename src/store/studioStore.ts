/*
 * The studio store's public face: the factory, the React provider and hooks, and the types the
 * UI needs (storage records are re-exported here, as types: src/ui never imports src/storage).
 * The state itself is built from slices, one concern per file (docs/architecture.md).
 */
export type { RestoreOutcome } from "../storage/backupRepository";
export type { ConversationRecord } from "../storage/dbSchema";
export type { SpaceUser } from "../storage/spaceUsage";
export type { FlowConversationRecords } from "./backupSlice";
export { createStudioStore, type StudioStore } from "./createStudioStore";
export type { FlowSummary } from "./flowLibrarySlice";
export type { StorageStatus, StoreReads } from "./storeReads";
export { StudioProvider, useStudio, useStudioApi } from "./studioContext";
export type { StudioState } from "./studioState";
export type { Theme } from "./viewSlice";

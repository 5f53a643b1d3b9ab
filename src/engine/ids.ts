/**
 * Branded id types: a NodeId cannot be passed where a MemoryId is expected by accident,
 * even though both are strings at run time.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type NodeId = Brand<string, "NodeId">;
export type MemoryId = Brand<string, "MemoryId">;
export type RunId = Brand<string, "RunId">;
export type ConversationId = Brand<string, "ConversationId">;
export type FlowId = Brand<string, "FlowId">;
export type MessageId = Brand<string, "MessageId">;
/** A sticky note's id: its own namespace, apart from node ids (version 3). */
export type NoteId = Brand<string, "NoteId">;

export const nodeId = (s: string) => s as NodeId;
export const memoryId = (s: string) => s as MemoryId;
export const runId = (s: string) => s as RunId;
export const conversationId = (s: string) => s as ConversationId;
export const flowId = (s: string) => s as FlowId;
export const messageId = (s: string) => s as MessageId;
export const noteId = (s: string) => s as NoteId;

/** Random ids for runs, conversations and flows; crypto.randomUUID exists in Node 20 and browsers. */
export function newId<T extends string>(): Brand<string, T> {
  return crypto.randomUUID() as Brand<string, T>;
}

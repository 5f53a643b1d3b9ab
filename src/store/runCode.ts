/*
 * What a message needs to run: the engine's run, the key check and the cross-tab lock. One
 * chunk, loaded on the first message (sendMessage.ts, loadRunCode; the composer fetches it as
 * soon as the user types), not with the first page.
 */
export { runMessage } from "./runMessage";
export { runNodeAlone } from "./runNodeAlone";

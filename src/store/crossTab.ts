import type { StudioStorage } from "../storage/studioStorage";
import type { TabPort } from "./browserServices";
import type { FlowSaver } from "./flowSaver";
import type { SliceContext } from "./sliceContext";
import { announceChanges } from "./tabAnnouncer";
import { tabChannel } from "./tabChannel";
import { startTabSync } from "./tabSync";

/**
 * What keeps tabs in step, loaded beside the storage (createStudioStore.ts), not with the
 * first page: the storage that announces this tab's writes, and the sync that applies theirs.
 */
export function connectTabs(port: TabPort, storage: StudioStorage) {
  const channel = tabChannel(port);
  return {
    storage: announceChanges(storage, channel),
    start: (ctx: SliceContext, saver: FlowSaver) => startTabSync(ctx, channel, saver),
  };
}

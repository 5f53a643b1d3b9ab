import type { MockBehaviour, ReplyPlan } from "./behaviour";
import type { Exchange } from "./exchange";

/**
 * Sends the reply's text chunks in the provider's framing, paced and broken as scripted.
 * Returns false when the stream did not run to its end (client hung up, or a scripted cut),
 * so the caller sends nothing more.
 */
export async function streamChunks(
  exchange: Exchange,
  plan: ReplyPlan,
  behaviour: MockBehaviour,
  writeChunk: (text: string) => void,
  writeMalformed: () => void,
): Promise<boolean> {
  for (const [index, chunk] of plan.chunks.entries()) {
    if (index === behaviour.stallAfterChunks) {
      // Silent but open: only the client's own timeout (or Stop) ends this exchange.
      await exchange.record.ended;
      return false;
    }
    if (index === behaviour.cutAfterChunks) {
      await cutAfterDelivery(exchange, plan);
      return false;
    }
    if (index > 0 && plan.chunkDelayMs > 0) await exchange.sleep(plan.chunkDelayMs);
    if (exchange.isClosed()) return false;
    if (index === behaviour.malformedAfterChunks) writeMalformed();
    writeChunk(chunk);
  }
  const { cutAfterChunks, malformedAfterChunks } = behaviour;
  if (cutAfterChunks !== undefined && cutAfterChunks >= plan.chunks.length) {
    await cutAfterDelivery(exchange, plan);
    return false;
  }
  if (exchange.isClosed()) return false;
  if (malformedAfterChunks !== undefined && malformedAfterChunks >= plan.chunks.length) {
    writeMalformed();
  }
  return true;
}

/**
 * A client drops data it has received but not yet read when the socket errors, so an
 * immediate cut would hide the chunks sent before it; a pause lets them be read first.
 */
async function cutAfterDelivery(exchange: Exchange, plan: ReplyPlan): Promise<void> {
  await exchange.sleep(Math.max(plan.chunkDelayMs, 50));
  exchange.cut();
}

import { describe, expect, it } from "vitest";
import { InMemorySaver } from "./InMemorySaver";
import { conversationId, flowId } from "./ids";
import { defaultProviders } from "./providerRegistry";
import { runFlowToEnd } from "./runFlow";
import { STARTER_FLOWS } from "./starterFlows";
import { validateFlow } from "./validateFlow";

describe("starter flows", () => {
  for (const [id, starter] of Object.entries(STARTER_FLOWS)) {
    it(`${starter.name} is valid and answers on the offline echo provider`, async () => {
      const flow = starter.build();
      expect(flow.name).toBe(starter.name);
      expect(validateFlow(flow)).toEqual([]);
      const run = await runFlowToEnd({
        flow,
        flowId: flowId(id),
        input: "Hi! My name is David",
        conversationId: conversationId("c"),
        saver: new InMemorySaver(),
        providers: defaultProviders,
      });
      expect(run.status).toBe("ok");
      expect(run.outputs.output).toMatch(/^Echo: /);
    });
  }
});

import { validateFlow } from "../engine/validateFlow";
import { cachedByStructure } from "./flowProblems";

/**
 * validateFlow for the open flow, shared by the inspector and the canvas panels. Its own
 * module so the checks load after the first paint (ui/canvas/flowDerived.ts).
 */
export const problemsOf = cachedByStructure(validateFlow);

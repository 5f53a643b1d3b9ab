import type { NodeKind } from "../../../engine/flow";
import { addProblem } from "../../../engine/flowEdits";
import type { NodeId } from "../../../engine/ids";
import { NODE_KINDS } from "../../../engine/nodeKinds";
import type { FlowState } from "../../../store/flowState";
import { type ActionId, type ActionState, EDITOR_ACTIONS } from "../editorActions";
import { comboText } from "../keyCombos";

/** One line of the command palette. */
export interface PaletteCommand {
  id: string;
  label: string;
  /** Shown beside it, and searched too: a node's kind, an action's shortcut. */
  hint?: string;
  does:
    | { type: "add"; kind: NodeKind }
    | { type: "goTo"; id: NodeId }
    | { type: "action"; id: ActionId };
}

/**
 * Everything the palette offers now: the nodes the flow can take, the nodes to go to, and the
 * editor actions that can run (all but the palette itself).
 */
export function paletteCommands(flow: FlowState["flow"], state: ActionState): PaletteCommand[] {
  if (!flow) return [];
  const adds = (Object.keys(NODE_KINDS) as NodeKind[])
    .filter((kind) => addProblem(flow, kind) === null)
    .map<PaletteCommand>((kind) => ({
      id: `add-${kind}`,
      label: `Add ${NODE_KINDS[kind].label} node`,
      does: { type: "add", kind },
    }));
  const goTos = flow.nodes.map<PaletteCommand>((node) => ({
    id: `go-${node.id}`,
    label: `Go to ${node.id}`,
    hint: `${NODE_KINDS[node.type]?.label ?? node.type} node`,
    does: { type: "goTo", id: node.id },
  }));
  const actions = EDITOR_ACTIONS.filter(
    (a) => a.id !== "commandPalette" && a.enabled(state),
  ).map<PaletteCommand>((a) => {
    const first = a.shortcuts[0];
    return {
      id: `action-${a.id}`,
      label: a.help && a.id !== "showShortcuts" ? a.help : a.label,
      ...(first && { hint: comboText(first) }),
      does: { type: "action", id: a.id },
    };
  });
  return [...adds, ...goTos, ...actions];
}

/** The commands whose label or hint holds every word typed, in any case and order. */
export function filterCommands(commands: PaletteCommand[], query: string): PaletteCommand[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return commands;
  return commands.filter((c) => {
    const text = `${c.label} ${c.hint ?? ""}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

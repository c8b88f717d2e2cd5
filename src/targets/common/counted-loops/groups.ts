// Sections, sweep values and sequence calls carry a label and nothing else; instruments that
// run a flat list of techniques or commands (EC-Lab, CHI macros) have no place for them, so
// their steps are spliced in where the group stood.

import type { NodeIR } from "../../../ir/types.js";

export function flattenGroups(body: readonly NodeIR[]): NodeIR[] {
  const out: NodeIR[] = [];
  for (const node of body) {
    if (node.kind === "group") out.push(...flattenGroups(node.body));
    else if (node.kind === "loop" || node.kind === "cycleAction") out.push({ ...node, body: flattenGroups(node.body) });
    else out.push(node);
  }
  return out;
}

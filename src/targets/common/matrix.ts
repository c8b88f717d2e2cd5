// The capability matrix of docs/targets/README.md, generated from the targets' own tables so
// that the docs cannot drift from the code (test/targets/common/matrix.test.ts keeps them equal;
// BTP_UPDATE_DOCS=1 rewrites the section).

import type { Target } from "../target.js";
import { ALL_CONSTRUCTS, CONSTRUCT_NAMES } from "./constructs.js";

export const MATRIX_START = "<!-- capability-matrix:start (generated from the capability tables; do not edit by hand) -->";
export const MATRIX_END = "<!-- capability-matrix:end -->";

const MARK = { native: "✔", emulated: "≈", refused: "✘" } as const;

export function renderCapabilityMatrix(targets: readonly Pick<Target, "name" | "kind" | "capabilities">[]): string {
  if (targets.length === 0) return "_No targets are registered yet._\n";
  const header = `| construct | ${targets.map((t) => `${t.name}`).join(" | ")} |`;
  const rule = `|---|${targets.map(() => ":-:").join("|")}|`;
  const kinds = `| *kind* | ${targets.map((t) => `*${t.kind}*`).join(" | ")} |`;
  const rows = ALL_CONSTRUCTS.map((c) => `| ${CONSTRUCT_NAMES[c]} | ${targets.map((t) => MARK[t.capabilities.constructs[c] ?? "refused"]).join(" | ")} |`);
  const depth = `| loop depth | ${targets.map((t) => (t.capabilities.maxLoopDepth === null ? "any" : String(t.capabilities.maxLoopDepth))).join(" | ")} |`;
  return [header, rule, kinds, ...rows, depth, "", `${MARK.native} native · ${MARK.emulated} emulated (listed in the file header) · ${MARK.refused} refused (a diagnostic)`, ""].join("\n");
}

/** The README with its matrix section replaced (or appended when the markers are missing). */
export function withMatrix(readme: string, targets: readonly Pick<Target, "name" | "kind" | "capabilities">[]): string {
  const section = `${MATRIX_START}\n${renderCapabilityMatrix(targets)}${MATRIX_END}`;
  const start = readme.indexOf(MATRIX_START);
  const end = readme.indexOf(MATRIX_END);
  if (start === -1 || end === -1 || end < start) return `${readme.trimEnd()}\n\n${section}\n`;
  return readme.slice(0, start) + section + readme.slice(end + MATRIX_END.length);
}

// Which cell the protocol runs on: `use cell NAME`, `use cell "file.btp"` (that file's only
// cell), or — with no `use cell` — the one cell declared or imported. Every cell is checked,
// whether it is used or not.

import type { CellIR } from "../ir/types.js";
import type { UseCell } from "../syntax/ast.js";
import { elaborateCell } from "./cell.js";
import type { CellFacts } from "./cell.js";
import type { CellChoice, CheckContext } from "./context.js";
import type { Declarations, DeclaredCell } from "./declarations.js";
import type { Program } from "./files.js";
import type { Scope } from "./scope.js";
import { didYouMean } from "./suggest.js";

export function chooseCell(ctx: CheckContext, program: Program, declarations: Declarations, scope: Scope): { choice: CellChoice; cell: CellIR | null } {
  const elaborated = new Map<DeclaredCell, { ir: CellIR; facts: CellFacts }>();
  for (const cell of declarations.allCells) elaborated.set(cell, elaborateCell(ctx, cell.decl, cell.displayName, scope));

  const uses = (program.main.file.items ?? []).filter((item): item is UseCell => item?.kind === "UseCell" && !item.recovered && !!item.target);
  for (const extra of uses.slice(1)) {
    ctx.error("BTP2010", "the cell is chosen twice", extra.span, {
      hint: "a protocol runs on one cell; keep one `use cell`",
      related: [{ message: "first chosen here", span: uses[0]!.span }],
    });
  }

  const chosen = (declared: DeclaredCell): { choice: CellChoice; cell: CellIR | null } => {
    const cell = elaborated.get(declared)!;
    return { choice: { status: "chosen", facts: cell.facts }, cell: cell.ir };
  };

  const use = uses[0];
  if (use) {
    const target = use.target;
    if (target.kind === "Identifier") {
      const declared = declarations.cells.get(target.name);
      if (!declared) {
        ctx.error("BTP2004", `unknown cell \`${target.name}\``, target.span, {
          hint:
            didYouMean(target.name, declarations.cells.keys()) ??
            (declarations.cells.size > 0 ? `the cells are: ${[...declarations.cells.keys()].join(", ")}` : 'declare it with `cell NAME { … }`, or import its file: `use cell "cells/my-cell.btp"`'),
        });
        return { choice: { status: "broken" }, cell: null };
      }
      ctx.symbols.reference(target.name, target.span, declared.definition);
      return chosen(declared);
    }
    // `use cell "file.btp"`: the file was loaded with the imports; unreadable files are reported.
    const loaded = program.useCellFile;
    if (!loaded) return { choice: { status: "broken" }, cell: null };
    const cells = declarations.cellsByFile.get(loaded.file) ?? [];
    if (cells.length !== 1) {
      const names = cells.map((cell) => cell.displayName);
      ctx.error("BTP2009", cells.length === 0 ? `\`${target.value}\` declares no cell` : `\`${target.value}\` declares ${cells.length} cells (${names.join(", ")})`, target.span, {
        hint: cells.length === 0 ? "point `use cell` at the file that declares the cell" : `import the file and choose one by name: \`import "${target.value}"\` then \`use cell ${names[0]}\``,
      });
      return { choice: { status: "broken" }, cell: null };
    }
    return chosen(cells[0]!);
  }

  const all = declarations.allCells;
  if (all.length === 1) return chosen(all[0]!);
  if (all.length > 1) return { choice: { status: "several", names: all.map((cell) => cell.displayName) }, cell: null };
  return { choice: { status: "none" }, cell: null };
}

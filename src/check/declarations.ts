// The symbol tables: every cell, sequence and param of the main file and its imports, checked
// for duplicates and registered for go-to-definition. Imported files contribute declarations
// only; anything else in them is ignored with a warning.

import path from "node:path";
import type { Span } from "../diagnostics/diagnostic.js";
import type { CellDecl, ParamDecl, SequenceDecl, TopLevelItem } from "../syntax/ast.js";
import type { CheckContext } from "./context.js";
import type { LoadedFile, Program } from "./files.js";

export interface Declared<T> {
  decl: T;
  file: LoadedFile;
  /** Index in the symbol index. */
  definition: number;
}

/** A cell may be unnamed (`cell "Na | CGE | NVP" { … }` alone in its file): it is then known by
 * its title, and only `use cell "file.btp"` or being the only cell can choose it. */
export interface DeclaredCell extends Declared<CellDecl> {
  displayName: string;
}

export interface Declarations {
  /** Named cells, by name. */
  cells: Map<string, DeclaredCell>;
  /** Every cell, named or not, in file order. */
  allCells: DeclaredCell[];
  sequences: Map<string, Declared<SequenceDecl>>;
  /** In order: imported files first, each file top to bottom. */
  params: Declared<ParamDecl>[];
  /** Cells declared in each file (for `use cell "file.btp"`). */
  cellsByFile: Map<LoadedFile, DeclaredCell[]>;
}

export function collectDeclarations(ctx: CheckContext, program: Program): Declarations {
  const declarations: Declarations = { cells: new Map(), allCells: [], sequences: new Map(), params: [], cellsByFile: new Map() };
  const paramsByName = new Map<string, Declared<ParamDecl>>();

  const duplicate = (what: string, name: string, span: Span, first: Span): void => {
    ctx.error("BTP2002", `${what} \`${name}\` is declared twice`, span, {
      hint: "rename one of them or delete the copy",
      related: [{ message: "first declared here", span: first }],
    });
  };

  for (const loaded of program.files) {
    const fileCells: DeclaredCell[] = [];
    declarations.cellsByFile.set(loaded, fileCells);
    for (const item of loaded.file.items ?? []) {
      if (!item || !item.kind) continue;
      if (!loaded.isMain) warnIfIgnored(ctx, item, loaded);
      if (item.kind === "CellDecl" && !item.name && !item.recovered) {
        const unnamed = { decl: item, file: loaded, definition: -1, displayName: item.title?.value ?? path.basename(loaded.file.path, ".btp") };
        declarations.allCells.push(unnamed);
        fileCells.push(unnamed);
        continue;
      }
      if (item.recovered || !("name" in item) || !item.name || item.name.recovered) continue;
      const name = item.name.name;
      switch (item.kind) {
        case "CellDecl": {
          const existing = declarations.cells.get(name);
          if (existing) {
            duplicate("cell", name, item.name.span, existing.decl.name?.span ?? existing.decl.span);
            break;
          }
          const declared = { decl: item, file: loaded, definition: ctx.symbols.define(name, "cell", item.span, item.name.span), displayName: name };
          declarations.cells.set(name, declared);
          declarations.allCells.push(declared);
          fileCells.push(declared);
          ctx.cellNames.add(name);
          break;
        }
        case "SequenceDecl": {
          const existing = declarations.sequences.get(name);
          if (existing) {
            duplicate("sequence", name, item.name.span, existing.decl.name.span);
            break;
          }
          declarations.sequences.set(name, { decl: item, file: loaded, definition: ctx.symbols.define(name, "sequence", item.span, item.name.span) });
          ctx.sequenceNames.add(name);
          break;
        }
        case "ParamDecl": {
          const existing = paramsByName.get(name);
          if (existing) {
            duplicate("param", name, item.name.span, existing.decl.name.span);
            break;
          }
          const declared = { decl: item, file: loaded, definition: ctx.symbols.define(name, "param", item.span, item.name.span) };
          paramsByName.set(name, declared);
          declarations.params.push(declared);
          break;
        }
      }
    }
  }
  return declarations;
}

const IMPORTED_KINDS = new Set(["CellDecl", "SequenceDecl", "ParamDecl", "ImportDecl"]);

function warnIfIgnored(ctx: CheckContext, item: TopLevelItem, loaded: LoadedFile): void {
  if (IMPORTED_KINDS.has(item.kind) || item.recovered) return;
  const what =
    item.kind === "ProtocolHeader" || item.kind === "MetadataItem"
      ? "protocol metadata"
      : item.kind === "UseCell"
        ? "`use cell`"
        : "a statement";
  ctx.warning("BTP2008", `${what} in an imported file is ignored`, item.span, {
    hint: `${loaded.file.path} is imported, so only its cells, sequences and params are used; put this in the main protocol, or wrap steps in a \`sequence\``,
  });
}

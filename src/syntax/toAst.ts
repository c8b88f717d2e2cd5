// CST → AST. The concrete tree from parser.ts becomes the typed tree of ast.ts, with exact spans
// on every node. The builders live in build/ (one file per family of constructs); this file
// wires them together for the three entry points: a whole file, one expression, one statement.

import type { Comment, Expr, SourceFile, Statement, TopLevelItem } from "./ast.js";
import { BuildContext } from "./build/context.js";
import { buildDeclaration, type DeclarationHooks } from "./build/declarations.js";
import { DocComments } from "./build/docs.js";
import { buildExpression } from "./build/expressions.js";
import { buildItemList, type StatementListHooks } from "./build/statements.js";
import { childNode, firstToken, type CstNode, type IToken } from "./cst.js";

export { BuildContext };

/** Hooks for lists of statements inside blocks: declarations there are misplaced. */
function blockHooks(ctx: BuildContext): StatementListHooks {
  const hooks: StatementListHooks = {
    nested: () => hooks,
    declaration: (node: CstNode) => {
      const keyword = firstToken(node);
      const word = keyword?.image.toLowerCase() ?? "declaration";
      ctx.error(
        "BTP1013",
        `\`${word}\` belongs at the top level of the file, not inside a block`,
        ctx.nodeSpan(node),
        word === "param"
          ? "declare parameters at the top of the file; inside a sequence, give it a parameter instead"
          : "move it out of the block",
      );
      return null;
    },
  };
  return hooks;
}

function declarationHooks(ctx: BuildContext, docs: DocComments): DeclarationHooks {
  // A sequence body is a block inside the file: its own blocks nest from there.
  return { docs, block: (node) => buildItemList(ctx, node, blockHooks(ctx)) as Statement[] };
}

export function buildSourceFile(
  ctx: BuildContext,
  cst: CstNode,
  path: string,
  text: string,
  tokens: readonly IToken[],
  commentTokens: readonly IToken[],
): SourceFile {
  const codeLines = new Set<number>();
  let previousLine: number | undefined;
  for (const token of tokens) {
    // Tokens come in text order: a line is added once, not once per token.
    if (token.startLine === previousLine || token.tokenType.name === "Newline") continue;
    previousLine = token.startLine;
    if (previousLine !== undefined) codeLines.add(previousLine);
  }
  const docs = new DocComments(commentTokens, codeLines);
  const hooks: StatementListHooks = {
    declaration: (node) => buildDeclaration(ctx, node, declarationHooks(ctx, docs)),
    nested: () => blockHooks(ctx),
  };
  const items: TopLevelItem[] = buildItemList(ctx, cst, hooks);
  const comments: Comment[] = commentTokens.map((c) => ({ text: c.image, span: ctx.tokenSpan(c) }));
  return { kind: "SourceFile", path, text, items, comments, span: ctx.spans.span(0, text.length) };
}

export function buildExpressionText(ctx: BuildContext, cst: CstNode): Expr | null {
  const node = childNode(cst, "expression");
  if (!node) return null;
  return buildExpression(ctx, node, 0);
}

/** The statements of a one-statement text (a YAML step); declarations are reported. */
export function buildStatementText(ctx: BuildContext, cst: CstNode): Statement[] {
  const hooks: StatementListHooks = {
    nested: () => blockHooks(ctx),
    declaration: (node) => {
      const keyword = firstToken(node)?.image ?? "declaration";
      ctx.error(
        "BTP1021",
        `expected a step, found a \`${keyword}\` declaration`,
        ctx.nodeSpan(node),
        "write one step, e.g. `Charge at 1C until 4.2 V`",
      );
      return null;
    },
  };
  return buildItemList(ctx, cst, hooks) as Statement[];
}

// The language server driven over stdio with real JSON-RPC messages, as an editor drives it.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  MarkupContent,
  TextEdit,
  WorkspaceEdit,
} from "vscode-languageserver-protocol";
import { checkText } from "../../src/check/index.js";
import { formatBtp } from "../../src/format/index.js";
import type { StdioLanguageClient } from "../../src/lsp/client/stdio-client.js";
import { applyEdits, COIN_CELL, LIBRARY, MAIN, makeProject, positionOf, startServer, type Project } from "./harness.js";

let client: StdioLanguageClient;
let project: Project;
let documentCount = 0;

beforeAll(async () => {
  project = makeProject({ "cells/coin.btp": COIN_CELL, "lib/seq.btp": LIBRARY, "main.btp": MAIN });
  client = startServer(project.dir);
  await client.initialize(project.uri(""));
}, 60_000);

afterAll(async () => {
  expect(await client.shutdown()).toBe(0);
  project.remove();
});

/** Opens `text` as a new protocol next to main.btp and waits for its full check. */
async function open(text: string, name = `doc${++documentCount}.btp`): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = project.uri(name);
  await client.open(uri, text);
  return { uri, diagnostics: await client.diagnosticsAfterCheck(uri, 1) };
}

const request = <T>(method: string, params: unknown) => client.connection.sendRequest(method, params) as Promise<T>;
const markdown = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? "";

describe("btp lsp: diagnostics", () => {
  it("publishes the same diagnostics as `btp check` on open", async () => {
    for (const [name, text, codes] of [
      ["syntax.btp", `${MAIN}chrage at 1C until 3.9 V\ndischarge at 0.5C until 2.5\n`, ["BTP1010", "BTP1016", "BTP3013"]],
      ["rules.btp", `${MAIN}charge at 1C until 4.9 V\nrest\n`, ["BTP4020", "BTP4001"]],
    ] as const) {
      const { diagnostics } = await open(text, name);
      const expected = checkText(text, project.path(name)).diagnostics;
      expect(diagnostics.map((d) => [d.code, d.message.split("\n")[0], d.range.start.line + 1, d.range.start.character + 1])).toEqual(
        expected.map((d) => [d.code, d.message, d.span.start.line, d.span.start.column]),
      );
      expect(diagnostics.map((d) => d.code)).toEqual(codes);
    }
    const { diagnostics } = await open(`${MAIN}charge at 1C until 4.9 V\n`);
    const warning = diagnostics.find((d) => d.code === "BTP4020")!;
    expect(warning.severity).toBe(2);
    expect(warning.message.split("\n")[1]).toContain("window");
    expect(warning.relatedInformation?.some((r) => r.location.uri === project.uri("cells/coin.btp"))).toBe(true);
  });

  it("follows incremental edits: a syntax error shows at once, and goes when it is fixed", async () => {
    const { uri, diagnostics } = await open(MAIN);
    expect(diagnostics).toEqual([]);
    const at = positionOf(MAIN, "rest for 10 min");
    const quick = client.nextDiagnostics(uri, 2);
    await client.change(uri, [{ range: { start: at, end: { ...at, character: at.character + 4 } }, text: "rets" }]);
    const first = await quick;
    expect(first.version).toBe(2);
    expect(first.diagnostics.map((d) => d.code)).toEqual(["BTP1010"]);
    expect(first.diagnostics[0]!.range).toEqual({ start: at, end: { ...at, character: at.character + 4 } });
    const v3 = await client.change(uri, [{ range: { start: at, end: { ...at, character: at.character + 4 } }, text: "rest" }]);
    expect(await client.diagnosticsAfterCheck(uri, v3)).toEqual([]);
  });

  it("moves the last check's problems over edits while the new check runs", async () => {
    const text = `${MAIN}charge at 1C until 4.9 V\n`;
    const { uri, diagnostics } = await open(text);
    const before = diagnostics.find((d) => d.code === "BTP4020")!;
    const quick = client.nextDiagnostics(uri, 2);
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "# a new first line\n" }]);
    const moved = (await quick).diagnostics.find((d) => d.code === "BTP4020");
    expect(moved?.range.start.line).toBe(before.range.start.line + 1);
    expect(moved?.range.end).toEqual({ line: before.range.end.line + 1, character: before.range.end.character });
  });

  it("shows a problem of an imported file at the import", async () => {
    project.write("cells/broken.btp", 'cell broken "broken" {\n  kind ful\n  window 2.3 V .. 3.9 V\n}\n');
    const text = 'use cell "cells/broken.btp"\nrest for 1 h\n';
    const { diagnostics } = await open(text);
    const shown = diagnostics.find((d) => d.code === "BTP2022")!;
    expect(shown.range.start.line).toBe(0);
    expect(shown.message).toMatch(/^in cells\/broken\.btp:2:/);
    expect(shown.relatedInformation?.[0]?.location.uri).toBe(project.uri("cells/broken.btp"));
  });

  it("rechecks a protocol when a file it imports changes in the editor", async () => {
    const { uri, diagnostics } = await open(MAIN);
    expect(diagnostics).toEqual([]);
    const library = project.uri("lib/seq.btp");
    await client.open(library, LIBRARY);
    const at = positionOf(LIBRARY, "2.3 V");
    const checked = client.checkedVersion(uri, 1);
    const next = client.nextDiagnostics(uri);
    await client.change(library, [{ range: { start: at, end: { ...at, character: at.character + 3 } }, text: "1.0" }]);
    await checked;
    const published = await next;
    expect(published.diagnostics.map((d) => d.code)).toContain("BTP4020");
    await client.close(library);
  });
});

describe("btp lsp: hover", () => {
  it("shows a C-rate resolved through the cell, with its derivation", async () => {
    const { uri } = await open(MAIN);
    const hover = await request<Hover>("textDocument/hover", { textDocument: { uri }, position: positionOf(MAIN, "0.5C", 1) });
    expect(markdown(hover)).toContain("0.147 mA");
    expect(markdown(hover)).toContain("2.5 mg × 117.6 mAh/g");
    expect(hover.range).toEqual({ start: positionOf(MAIN, "0.5C"), end: positionOf(MAIN, "0.5C", 4) });
  });

  it("explains a keyword and gives the step's estimated duration", async () => {
    const { uri } = await open(MAIN);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the estimates follow the diagnostics
    const hover = await request<Hover>("textDocument/hover", { textDocument: { uri }, position: positionOf(MAIN, "rest for 10 min", 1) });
    expect(markdown(hover)).toContain("Disconnects the cell");
    expect(markdown(hover)).toContain("Estimated duration:** 10 min");
    const loop = await request<Hover>("textDocument/hover", { textDocument: { uri }, position: positionOf(MAIN, "repeat passes", 2) });
    expect(markdown(loop)).toMatch(/Estimated duration:\*\* .* for the whole loop/);
  });

  it("shows what a name is and where it is declared", async () => {
    const { uri } = await open(MAIN);
    const hover = await request<Hover>("textDocument/hover", { textDocument: { uri }, position: positionOf(MAIN, "repeat passes", 8) });
    expect(markdown(hover)).toContain("**param** `passes`");
    expect(markdown(hover)).toContain("param passes = 3      # how many formation cycles");
    const call = await request<Hover>("textDocument/hover", { textDocument: { uri }, position: positionOf(MAIN, "cycle_once(1C)", 2) });
    expect(markdown(call)).toContain("sequence cycle_once(rate: c-rate) {");
    expect(markdown(call)).toContain("declared in");
  });

  it("says nothing inside comments", async () => {
    const { uri } = await open(MAIN);
    expect(await request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: positionOf(MAIN, "how many", 1) })).toBeNull();
  });
});

describe("btp lsp: completion", () => {
  const labels = (list: CompletionList) => list.items.map((item) => item.label);

  it("offers the clauses that may follow a step, and the names in scope as values", async () => {
    const text = `${MAIN}charge at 1C \n`;
    const { uri } = await open(text);
    const clauses = await request<CompletionList>("textDocument/completion", { textDocument: { uri }, position: positionOf(text, "charge at 1C ", 13) });
    expect(labels(clauses)).toEqual(expect.arrayContaining(["until", "for", "then", "record"]));
    const values = await request<CompletionList>("textDocument/completion", { textDocument: { uri }, position: positionOf(text, "charge at 1C ", 10) });
    expect(labels(values)).toEqual(expect.arrayContaining(["rate", "passes", "ocv"]));
  });

  it("offers units that fit the place after a number", async () => {
    const text = `${MAIN}rest for 5\n`;
    const { uri } = await open(text);
    const list = await request<CompletionList>("textDocument/completion", { textDocument: { uri }, position: positionOf(text, "rest for 5", 10) });
    expect(labels(list)).toEqual(["s", "min", "h", "d", "ms"]);
    expect(list.items[1]!.textEdit).toMatchObject({ newText: " min" });
  });

  it("offers sequences from imported files as calls, statements and declarations at a line start", async () => {
    const text = `${MAIN}\n`;
    const { uri } = await open(text);
    const list = await request<CompletionList>("textDocument/completion", { textDocument: { uri }, position: { line: text.split("\n").length - 1, character: 0 } });
    const call = list.items.find((item) => item.label === "cycle_once");
    expect(call?.textEdit).toMatchObject({ newText: "cycle_once(${1:rate})" });
    expect(labels(list)).toEqual(expect.arrayContaining(["charge", "repeat", "param", "import"]));
  });

  it("offers files for an import path", async () => {
    const text = `import "cells/"\n${MAIN}`;
    const { uri } = await open(text);
    const list = await request<CompletionList>("textDocument/completion", { textDocument: { uri }, position: positionOf(text, '"cells/"', 7) });
    expect(labels(list)).toEqual(expect.arrayContaining(["coin.btp"]));
    expect(list.items.find((item) => item.label === "coin.btp")?.textEdit).toMatchObject({ newText: "cells/coin.btp" });
  });
});

describe("btp lsp: navigation", () => {
  it("goes to a sequence declared in an imported file, and to a param", async () => {
    const { uri } = await open(MAIN);
    const sequence = await request<Location>("textDocument/definition", { textDocument: { uri }, position: positionOf(MAIN, "cycle_once(1C)", 3) });
    expect(sequence).toEqual({ uri: project.uri("lib/seq.btp"), range: { start: positionOf(LIBRARY, "cycle_once"), end: positionOf(LIBRARY, "cycle_once", 10) } });
    const param = await request<Location>("textDocument/definition", { textDocument: { uri }, position: positionOf(MAIN, "at rate", 4) });
    expect(param.range.start).toEqual(positionOf(MAIN, "rate = 0.5C"));
  });

  it("finds every use of a param, with or without its declaration", async () => {
    const { uri } = await open(MAIN);
    const position = positionOf(MAIN, "param rate", 7);
    const all = await request<Location[]>("textDocument/references", { textDocument: { uri }, position, context: { includeDeclaration: true } });
    expect(all.map((l) => l.range.start.line).sort((a, b) => a - b)).toEqual([5, 9, 10]);
    const uses = await request<Location[]>("textDocument/references", { textDocument: { uri }, position, context: { includeDeclaration: false } });
    expect(uses).toHaveLength(2);
  });

  it("renames a sequence in the library and in the protocol that calls it", async () => {
    const { uri } = await open(MAIN);
    const prepared = await request<{ placeholder: string }>("textDocument/prepareRename", { textDocument: { uri }, position: positionOf(MAIN, "cycle_once(1C)", 1) });
    expect(prepared.placeholder).toBe("cycle_once");
    const edit = await request<WorkspaceEdit>("textDocument/rename", { textDocument: { uri }, position: positionOf(MAIN, "cycle_once(1C)", 1), newName: "one_cycle" });
    expect(applyEdits(MAIN, edit.changes![uri]!)).toContain("one_cycle(1C)");
    expect(applyEdits(LIBRARY, edit.changes![project.uri("lib/seq.btp")]!)).toContain("sequence one_cycle(rate: c-rate)");
  });

  it("refuses a new name that is not a name (BTP8052)", async () => {
    const { uri } = await open(MAIN);
    await expect(request("textDocument/rename", { textDocument: { uri }, position: positionOf(MAIN, "param passes", 7), newName: "cycle" })).rejects.toThrow(/BTP8052.*reserved/);
    await expect(request("textDocument/rename", { textDocument: { uri }, position: positionOf(MAIN, "param passes", 7), newName: "2 passes" })).rejects.toThrow(/BTP8052/);
  });
});

describe("btp lsp: outline and folding", () => {
  it("outlines declarations, blocks, loops and steps", async () => {
    const { uri } = await open(MAIN);
    const symbols = await request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(["LSP test", 'import "lib/seq.btp"', 'use cell "cells/coin.btp"', "passes", "rate", "formation", "cycle_once(1C)", "rest for 10 min"]);
    const section = symbols.find((s) => s.name === "formation")!;
    expect(section.children?.[0]?.name).toBe("repeat passes");
    expect(section.children?.[0]?.children?.map((s) => s.name)).toEqual(["charge at rate until 3.9 V", "discharge at rate until 2.3 V"]);
  });

  it("folds blocks (keeping the closing brace visible) and comment runs", async () => {
    const text = `# one\n# two\n${MAIN}`;
    const { uri } = await open(text);
    const ranges = await request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri } });
    expect(ranges).toEqual(expect.arrayContaining([{ startLine: 0, endLine: 1, kind: "comment" }, { startLine: 9, endLine: 13 }, { startLine: 10, endLine: 12 }]));
  });
});

describe("btp lsp: formatting", () => {
  it("formats a document as `btp fmt` would", async () => {
    const messy = 'protocol   "messy"\nrepeat 2 {\ncharge at 1 mA    until 3.9 V\n      rest for 1 h\n}\n';
    const { uri } = await open(messy);
    const edits = await request<TextEdit[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits.length).toBeGreaterThan(0);
    expect(applyEdits(messy, edits)).toBe(await formatBtp(messy, { tabWidth: 2 }));
  });

  it("formats only the items in a range", async () => {
    const messy = 'rest    for 1 h\nrest   for 2 h\n';
    const { uri } = await open(messy);
    const edits = await request<TextEdit[]>("textDocument/rangeFormatting", {
      textDocument: { uri },
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(applyEdits(messy, edits)).toBe("rest    for 1 h\nrest for 2 h\n");
  });

  it("leaves a file with syntax errors alone", async () => {
    const { uri } = await open("charge at\n");
    expect(await request<TextEdit[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
  });
});

describe("btp lsp: code actions", () => {
  async function actionsFor(text: string, code: string): Promise<{ uri: string; actions: CodeAction[]; diagnostic: Diagnostic }> {
    const { uri, diagnostics } = await open(text);
    const diagnostic = diagnostics.find((d) => d.code === code);
    if (!diagnostic) throw new Error(`no ${code} in ${JSON.stringify(diagnostics)}`);
    const actions = await request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    return { uri, actions, diagnostic };
  }
  const applied = (text: string, uri: string, action: CodeAction | undefined) => applyEdits(text, action?.edit?.changes?.[uri] ?? []);

  it("applies a did-you-mean suggestion to a keyword, a unit and a two-word cell key", async () => {
    const text = `${MAIN}chrage at 1C until 3.9 V\nrest for 2 hrs\n`;
    const keyword = await actionsFor(text, "BTP1010");
    expect(applied(text, keyword.uri, keyword.actions.find((a) => a.isPreferred))).toContain("\ncharge at 1C until 3.9 V\n");
    const unit = await actionsFor(text, "BTP3001");
    expect(applied(text, unit.uri, unit.actions.find((a) => a.isPreferred))).toContain("rest for 2 h\n");
    const cell = "cell d {\n  kind full\n  nominl capacity 1 mAh\n}\nrest for 1 h\n";
    const key = await actionsFor(cell, "BTP2018");
    expect(applied(cell, key.uri, key.actions.find((a) => a.isPreferred))).toContain("  nominal capacity 1 mAh\n");
  });

  it("adds the missing unit, and a missing end: a cut-off at the edge of the cell window or a duration", async () => {
    const bare = `${MAIN}discharge at 0.5C until 2.5\n`;
    const unit = await actionsFor(bare, "BTP1016");
    expect(applied(bare, unit.uri, unit.actions.find((a) => a.title.includes("2.5 V")))).toContain("until 2.5 V\n");
    const text = `${MAIN}charge at 1C\n`;
    const end = await actionsFor(text, "BTP4001");
    expect(end.actions.map((a) => applied(text, end.uri, a).split("\n").at(-2))).toEqual(expect.arrayContaining(["charge at 1C until 3.9 V", "charge at 1C for 1 h"]));
    const rest = await actionsFor(`${MAIN}rest\n`, "BTP4001");
    expect(applied(`${MAIN}rest\n`, rest.uri, rest.actions[0])).toMatch(/\nrest for 1 h\n$/);
  });

  it("offers voltage limits from the cell window, and unit conversions", async () => {
    const { uri } = await open(MAIN);
    const actions = await request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: { start: positionOf(MAIN, "10 min"), end: positionOf(MAIN, "10 min") }, context: { diagnostics: [] } });
    const limits = actions.find((a) => a.kind === "source.addVoltageLimits");
    // After the declarations, before the first statement.
    expect(applied(MAIN, uri, limits)).toContain("param rate = 0.5C\nlimits { voltage 2.3 V .. 3.9 V }\n");
    const seconds = actions.find((a) => a.kind === "refactor.rewrite.convertUnit" && a.title.startsWith("Convert to s:"));
    expect(applied(MAIN, uri, seconds)).toContain("rest for 600 s\n");
  });
});

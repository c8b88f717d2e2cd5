// The formatter's API for the language server and the CLI: formatBtp, tryFormatBtp and
// formatBtpRange, and the same formatter reached through Prettier with btp's plugin.

import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { BtpFormatError, BtpSyntaxError, btpPrettierPlugin, formatBtp, formatBtpRange, tryFormatBtp } from "../../src/format/index.js";
import { expectSameProtocol } from "./helpers.js";

const MESSY = "REPEAT 2 {charge at 1C until 4.2V;discharge at 1C until 2.5 V}\nrest   for 1h # done\n";
const TIDY = "repeat 2 { charge at 1C until 4.2 V; discharge at 1C until 2.5 V }\nrest for 1 h  # done\n";

describe("formatBtp and tryFormatBtp", () => {
  it("format a file", async () => {
    expect(await formatBtp(MESSY)).toBe(TIDY);
    expect(await tryFormatBtp(MESSY)).toEqual({ formatted: TIDY, diagnostics: [] });
  });

  it("refuse a file with syntax errors, with its diagnostics", async () => {
    const bad = "rest for 1 h\nbogus thing\n";
    const outcome = await tryFormatBtp(bad, { filepath: "bad.btp" });
    expect(outcome.formatted).toBeNull();
    expect(outcome.diagnostics.map((d) => [d.code, d.span.file, d.span.start.line])).toEqual([["BTP1010", "bad.btp", 2]]);
    const error = await formatBtp(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BtpFormatError);
    expect((error as BtpFormatError).diagnostics[0]!.code).toBe("BTP1010");
  });

  it("take the page width and indentation from the options", async () => {
    const text = "repeat 2 { rest for 1 h; rest for 2 h }\n";
    expect(await formatBtp(text, { printWidth: 20 })).toBe("repeat 2 {\n  rest for 1 h\n  rest for 2 h\n}\n");
    expect(await formatBtp(text, { printWidth: 20, tabWidth: 4 })).toBe("repeat 2 {\n    rest for 1 h\n    rest for 2 h\n}\n");
    expect(await formatBtp(text, { printWidth: 20, useTabs: true })).toBe("repeat 2 {\n\trest for 1 h\n\trest for 2 h\n}\n");
  });

  it("keep the file's line endings", async () => {
    const crlf = "rest   for 1 h\r\n# note\r\nrest for 2 h\r\n";
    expect(await formatBtp(crlf)).toBe("rest for 1 h\r\n# note\r\nrest for 2 h\r\n");
    expect(await formatBtp(crlf, { endOfLine: "lf" })).toBe("rest for 1 h\n# note\nrest for 2 h\n");
  });

  it("format an empty file to an empty file", async () => {
    expect(await formatBtp("")).toBe("");
    expect(await formatBtp("\n\n  \n")).toBe("");
  });
});

describe("formatBtpRange", () => {
  const text = "param a=1 h\nparam b=2 h\nrepeat 2 {rest for a\n  rest for b}\nparam c=3 h\n";
  const apply = (edit: { text: string; start: number; end: number }) => text.slice(0, edit.start) + edit.text + text.slice(edit.end);

  it("formats only the items in the range, whole lines", async () => {
    const start = text.indexOf("b=2");
    const edit = await formatBtpRange(text, start, start + 1);
    expect(edit).toEqual({ text: "param b = 2 h", start: text.indexOf("param b"), end: text.indexOf("\nrepeat") });
    expect(apply(edit)).toBe("param a=1 h\nparam b = 2 h\nrepeat 2 {rest for a\n  rest for b}\nparam c=3 h\n");
  });

  it("formats a block the range touches as a whole", async () => {
    // The block opens on its first statement's line, so it is a one-line block.
    const start = text.indexOf("rest for b");
    const edit = await formatBtpRange(text, start, start);
    expect(apply(edit)).toBe("param a=1 h\nparam b=2 h\nrepeat 2 { rest for a; rest for b }\nparam c=3 h\n");
  });

  it("formats every item from the first to the last touched", async () => {
    const edit = await formatBtpRange(text, 0, text.indexOf("repeat") + 2);
    expect(apply(edit)).toBe("param a = 1 h\nparam b = 2 h\nrepeat 2 { rest for a; rest for b }\nparam c=3 h\n");
  });

  it("takes in items that share a line with the range", async () => {
    const shared = "rest  for 1 h; rest  for 2 h\nrest  for 3 h\n";
    const edit = await formatBtpRange(shared, shared.indexOf("2 h"), shared.indexOf("2 h") + 1);
    expect(shared.slice(0, edit.start) + edit.text + shared.slice(edit.end)).toBe("rest for 1 h\nrest for 2 h\nrest  for 3 h\n");
  });

  it("changes nothing when the range holds no item", async () => {
    const withComment = "rest for 1 h\n# just a comment\nrest  for 2 h\n";
    const at = withComment.indexOf("just");
    expect(await formatBtpRange(withComment, at, at + 4)).toEqual({ text: "", start: at, end: at });
  });

  it("rejects a file with syntax errors", async () => {
    await expect(formatBtpRange("bogus thing\n", 0, 3)).rejects.toBeInstanceOf(BtpFormatError);
  });
});

describe("the Prettier plugin", () => {
  it("formats through prettier.format like formatBtp", async () => {
    const viaPrettier = await prettier.format(MESSY, { parser: "btp", plugins: [btpPrettierPlugin] });
    expect(viaPrettier).toBe(TIDY);
    expectSameProtocol(MESSY, viaPrettier);
  });

  it("is found for .btp files by their extension, with btp's page width", async () => {
    const long = "repeat 2 { charge at 1C until 4.2 V then hold until C/20; discharge at 1C until 2.5 V }\n";
    const viaPrettier = await prettier.format(long, { filepath: "x.btp", plugins: [btpPrettierPlugin] });
    expect(viaPrettier).toBe(long);
    const narrow = await prettier.format(long, { filepath: "x.btp", plugins: [btpPrettierPlugin], printWidth: 80 });
    expect(narrow).toBe("repeat 2 {\n  charge at 1C until 4.2 V then hold until C/20\n  discharge at 1C until 2.5 V\n}\n");
  });

  it("refuses a file with syntax errors, with the btp code and its place", async () => {
    const error = await prettier.format("rest\nbogus thing\n", { parser: "btp", plugins: [btpPrettierPlugin] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BtpSyntaxError);
    expect((error as BtpSyntaxError).message).toMatch(/^BTP1010: unknown statement `bogus`/);
    expect((error as BtpSyntaxError).loc.start).toEqual({ line: 2, column: 1 });
  });
});

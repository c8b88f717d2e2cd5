// Imports: relative paths, diamonds, missing files, self-imports, cycles, what imported files
// contribute, and `use cell "file.btp"`.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkFile } from "../../src/check/index.js";
import { check, problems } from "./helpers.js";

const CELL = "cell coin { nominal capacity 0.3 mAh }\n";

describe("imports", () => {
  it("brings in cells, sequences and params relative to the importing file", () => {
    const files = {
      "/lab/protocols/lib/common.btp": 'import "../cells/coin.btp"\nparam rate = 0.5C\nsequence cycle_once(r: c-rate) { charge at r until 3.9 V; discharge at r until 2.3 V }\n',
      "/lab/protocols/cells/coin.btp": CELL,
    };
    const result = check('import "lib/common.btp"\nrepeat 3 { cycle_once(rate) }', files);
    expect(problems(result).filter((p) => !p.startsWith("BTP4"))).toEqual([]);
    expect([...result.files.keys()].sort()).toEqual(["/lab/protocols/cells/coin.btp", "/lab/protocols/lib/common.btp", "/lab/protocols/main.btp"]);
    expect(result.ir!.params.map((p) => p.name)).toEqual(["rate"]);
  });

  it("reads a file imported twice only once (a diamond is not a duplicate)", () => {
    const files = {
      "/lab/protocols/a.btp": 'import "cell.btp"\nparam a = 1',
      "/lab/protocols/b.btp": 'import "cell.btp"\nparam b = 2',
      "/lab/protocols/cell.btp": CELL,
    };
    const result = check('import "a.btp"\nimport "b.btp"\ncharge at 1C for 1 h', files);
    expect(problems(result)).toEqual([]);
    expect(result.files.size).toBe(4);
  });

  it("BTP2005: a missing file, at the path", () => {
    const result = check('import "cells/missing.btp"');
    expect(result.spanText("BTP2005")).toBe('"cells/missing.btp"');
    expect(result.first("BTP2005").hint).toContain("/lab/protocols/cells/missing.btp");
  });

  it("BTP2006: a file importing itself", () => {
    expect(check('import "main.btp"').spanText("BTP2006")).toBe('"main.btp"');
  });

  it("BTP2007: an import cycle, with the chain as related spans", () => {
    const files = {
      "/lab/protocols/a.btp": 'import "b.btp"\n',
      "/lab/protocols/b.btp": 'import "a.btp"\n',
    };
    const result = check('import "a.btp"\nrest for 1 h', files);
    const cycle = result.first("BTP2007");
    expect(cycle.message).toBe("import cycle: a.btp → b.btp → a.btp");
    expect(cycle.span.file).toBe("/lab/protocols/b.btp");
    expect(cycle.related!.map((r) => r.message)).toEqual(["a.btp imports b.btp here"]);
    expect(result.ir).toBeNull();
  });

  it("BTP2007: a cycle back to the main file", () => {
    const result = check('import "a.btp"', { "/lab/protocols/a.btp": 'import "main.btp"\n' });
    expect(result.first("BTP2007").message).toBe("import cycle: main.btp → a.btp → main.btp");
  });

  it("BTP2008: statements and metadata in an imported file are ignored with a warning", () => {
    const files = { "/lab/protocols/lib.btp": `${CELL}protocol "lib"\nrest for 1 h\n` };
    const result = check('import "lib.btp"\nrest for 2 h', files);
    expect(result.codes).toEqual(["BTP2008", "BTP2008"]);
    expect(result.ir!.body).toHaveLength(1);
    expect(result.ir!.title).toBeNull();
  });

  it("BTP2002: the same name declared in two files, linked to the first", () => {
    const files = { "/lab/protocols/lib.btp": "param rate = 1C\n" };
    const result = check('import "lib.btp"\nparam rate = 2C', files);
    const duplicate = result.first("BTP2002");
    expect(duplicate.span.file).toBe("/lab/protocols/main.btp");
    expect(duplicate.related![0]!.span.file).toBe("/lab/protocols/lib.btp");
  });

  it("parse errors of imported files are reported in their file", () => {
    const result = check('import "lib.btp"', { "/lab/protocols/lib.btp": "param = 3\n" });
    expect(result.diagnostics.some((d) => d.code.startsWith("BTP1") && d.span.file === "/lab/protocols/lib.btp")).toBe(true);
  });
});

describe('use cell "file.btp"', () => {
  it("uses the only cell of that file", () => {
    const result = check('use cell "cells/coin.btp"\ncharge at 1C for 1 h', { "/lab/protocols/cells/coin.btp": CELL });
    expect(problems(result)).toEqual([]);
    expect(result.ir!.cell!.name).toBe("coin");
  });

  it("BTP2009: a file with no cell, or several", () => {
    const none = check('use cell "cells/none.btp"', { "/lab/protocols/cells/none.btp": "param x = 1\n" });
    expect(none.spanText("BTP2009")).toBe('"cells/none.btp"');
    const two = check('use cell "cells/two.btp"', { "/lab/protocols/cells/two.btp": `${CELL}cell other { nominal capacity 1 mAh }\n` });
    expect(two.first("BTP2009").message).toContain("2 cells (coin, other)");
    expect(two.first("BTP2009").hint).toContain("use cell coin");
  });

  it("BTP2005: the cell file is missing", () => {
    const result = check('use cell "cells/missing.btp"\ncharge at 1C for 1 h');
    expect(result.codes).toEqual(["BTP2005"]);
  });
});

describe("checkFile", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "btp-check-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the protocol and its imports from disk", () => {
    writeFileSync(path.join(dir, "coin.btp"), CELL);
    writeFileSync(path.join(dir, "main.btp"), 'use cell "coin.btp"\ncharge at 1C for 1 h\n');
    const result = checkFile(path.join(dir, "main.btp"));
    expect(problems(result)).toEqual([]);
    expect(result.ir!.cell!.name).toBe("coin");
  });

  it("BTP0001: a file that does not exist is a diagnostic, not an exception", () => {
    const result = checkFile(path.join(dir, "nope.btp"));
    expect(result.diagnostics.map((d) => d.code)).toEqual(["BTP0001"]);
    expect(result.ir).toBeNull();
  });
});

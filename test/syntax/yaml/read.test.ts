import { describe, expect, it } from "vitest";
import { MAX_YAML_BYTES, readYamlDocument } from "../../../src/syntax/yaml/read.js";
import { findExcessiveNesting } from "../../../src/syntax/yaml/depth.js";

const PATH = "lab/protocol.yaml";

function codes(text: string): string[] {
  return readYamlDocument(text, PATH).diagnostics.map((d) => d.code);
}

const BILLION_LAUGHS = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

describe("readYamlDocument: what it accepts", () => {
  it("reads a plain protocol mapping without diagnostics", () => {
    const result = readYamlDocument('protocol: "Rate test"\nsteps:\n  - rest: { for: "1 h" }\n', PATH);
    expect(result.diagnostics).toEqual([]);
    expect(result.doc?.toJS()).toEqual({ protocol: "Rate test", steps: [{ rest: { for: "1 h" } }] });
  });

  it("keeps `No`, `on` and `1.10` as YAML 1.2 core values, not YAML 1.1 booleans", () => {
    const result = readYamlDocument("a: No\nb: on\nc: 1.10\n", PATH);
    expect(result.doc?.toJS()).toEqual({ a: "No", b: "on", c: 1.1 });
  });

  it("accepts an anchor that no alias uses", () => {
    expect(codes("a: &x 1\n")).toEqual([]);
  });
});

describe("readYamlDocument: what it refuses", () => {
  it("refuses the billion laughs alias bomb quickly, naming each alias", () => {
    const started = performance.now();
    const result = readYamlDocument(BILLION_LAUGHS, PATH);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.doc).toBeNull();
    expect(new Set(result.diagnostics.map((d) => d.code))).toEqual(new Set(["BTP5003"]));
    // Capped: 72 aliases, 20 reported.
    expect(result.diagnostics).toHaveLength(20);
    const first = result.diagnostics[0]!;
    expect(first.message).toBe("YAML aliases such as `*a` are not supported in protocols");
    expect(first.span.start).toEqual({ offset: 69, line: 2, column: 8 });
  });

  it("refuses a single harmless-looking alias", () => {
    const result = readYamlDocument('base: &rate "0.5C"\nother: *rate\n', PATH);
    expect(result.doc).toBeNull();
    expect(result.diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column])).toEqual([["BTP5003", 2, 8]]);
  });

  it("reports a duplicate key at the second key, with the first as related", () => {
    const text = 'charge:\n  at: "0.5C"\n  until: "3.9 V"\n  until: "2 h"\n';
    const [d, ...rest] = readYamlDocument(text, PATH).diagnostics;
    expect(rest).toEqual([]);
    expect(d!.code).toBe("BTP5002");
    expect(d!.message).toBe("the key `until` appears twice in this mapping");
    expect(d!.span.start).toMatchObject({ line: 4, column: 3 });
    expect(d!.related![0]!.span.start).toMatchObject({ line: 3, column: 3 });
  });

  it("finds duplicate keys inside lists and flow mappings", () => {
    const text = "steps:\n  - rest: { for: 1 h, for: 2 h }\n";
    const diagnostics = readYamlDocument(text, PATH).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column])).toEqual([["BTP5002", 2, 23]]);
  });

  it("reports a YAML syntax error at its position", () => {
    const result = readYamlDocument('steps:\n  - charge: { at: "0.5C", until: "3.9 V"\nnext: 1\n', PATH);
    expect(result.doc).toBeNull();
    const d = result.diagnostics[0]!;
    expect(d.code).toBe("BTP5001");
    expect(d.message).toMatch(/^YAML syntax: /);
    expect(d.span.start.line).toBeGreaterThanOrEqual(2);
  });

  it("explains tabs used for indentation", () => {
    const d = readYamlDocument("steps:\n\t- rest\n", PATH).diagnostics[0]!;
    expect(d.code).toBe("BTP5001");
    expect(d.span.start.line).toBe(2);
    expect(d.hint).toMatch(/spaces/);
  });

  it("refuses a second document", () => {
    const d = readYamlDocument('protocol: "a"\n---\nprotocol: "b"\n', PATH).diagnostics;
    expect(d.map((x) => [x.code, x.span.start.line])).toEqual([["BTP5005", 2]]);
  });

  it("refuses keys that are not plain text", () => {
    expect(codes("? [a, b]\n: 1\n")).toContain("BTP5001");
  });

  it("refuses input over 16 MB without parsing it", () => {
    const started = performance.now();
    const big = "#".repeat(MAX_YAML_BYTES + 1);
    const result = readYamlDocument(big, PATH);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["BTP0002"]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("counts bytes, not characters, against the size limit", () => {
    const text = "é".repeat(MAX_YAML_BYTES / 2 + 1); // 2 bytes each in UTF-8
    expect(codes(text)).toEqual(["BTP0002"]);
  });

  it.each([
    ["flow brackets", "[".repeat(10_000) + "]".repeat(10_000)],
    ["flow mappings", "a: " + "{b: ".repeat(10_000) + "1" + "}".repeat(10_000)],
    ["block indentation", Array.from({ length: 3000 }, (_, i) => " ".repeat(i) + "a:").join("\n")],
    ["list markers on one line", "- ".repeat(5000) + "x"],
  ])("refuses 10,000-level nesting (%s) quickly", (_name, text) => {
    const started = performance.now();
    const result = readYamlDocument(text, PATH);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.doc).toBeNull();
    expect(result.diagnostics.map((d) => d.code)).toEqual(["BTP5004"]);
  });

  it("points at where the nesting goes too deep", () => {
    const text = "steps:\n  - " + "[".repeat(80);
    const d = readYamlDocument(text, PATH).diagnostics[0]!;
    expect(d.code).toBe("BTP5004");
    expect(d.span.start.line).toBe(2);
    expect(d.span.start.column).toBeGreaterThan(60);
  });
});

describe("findExcessiveNesting", () => {
  it("accepts the nesting real protocols use", () => {
    const text = [
      "steps:",
      "  - for:",
      "      variable: rate",
      '      in: ["0.5C", "1C"]',
      "      steps:",
      "        - repeat:",
      "            count: 5",
      "            steps:",
      '              - charge: { at: rate, until: ["3.9 V", "2 h"] }',
      "              - note: |",
      "                  a block scalar",
      "                                 indented oddly [[[[ {{{{",
      "              - 'quoted [ with brackets'",
      '              - "also \\" [[[["',
    ].join("\n");
    expect(findExcessiveNesting(text)).toBeNull();
  });

  it("counts exactly up to the limit", () => {
    expect(findExcessiveNesting("[".repeat(64), 64)).toBeNull();
    expect(findExcessiveNesting("[".repeat(65), 64)).toEqual({ offset: 64 });
  });

  it("ignores brackets in comments", () => {
    expect(findExcessiveNesting("a: 1 # " + "[".repeat(100))).toBeNull();
  });
});

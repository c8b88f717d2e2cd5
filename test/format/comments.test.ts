// Comments survive formatting wherever they sit: every comment of the input appears in the
// output, in order, and where it was relative to the code (after it on its line, or alone).

import { describe, expect, it } from "vitest";
import { CommentQueue } from "../../src/format/comments.js";
import { formatBtp } from "../../src/format/index.js";
import { SourceText } from "../../src/format/source.js";
import { commentsOf, expectSameProtocol, parsed } from "./helpers.js";

/** Odd places for comments, one small file each. */
const PLACES: [string, string][] = [
  ["after a step", "rest for 1 h # c1\n"],
  ["alone above a step", "# c1\nrest for 1 h\n"],
  ["after the opening brace", "repeat 2 { # c1\n  rest for 1 h\n}\n"],
  ["between a header and its brace", "repeat 2 # c1\n{\n  rest for 1 h\n}\n"],
  ["on its own line before a brace", "repeat 2\n# c1\n{\n  rest for 1 h\n}\n"],
  ["in an empty block", "repeat 2 { # c1\n}\nrepeat 3 {\n  # c2\n}\n"],
  ["before a closing brace", "repeat 2 {\n  rest for 1 h\n  # c1\n}\n"],
  ["after a closing brace", "repeat 2 {\n  rest for 1 h\n} # c1\n"],
  ["after two steps sharing a line", "rest for 1 h; rest for 2 h # c1\n"],
  ["after a semicolon", "rest for 1 h; # c1\nrest for 2 h\n"],
  ["inside a list", "param r = [0.5C, # c1\n  1C, # c2\n  # c3\n  2C # c4\n] # c5\n"],
  ["after a list's bracket", "param r = [ # c1\n  0.5C]\n"],
  ["inside an empty list", "param r = [ # c1\n]\n"],
  ["inside a call", "seq(1 h, # c1\n  j = 2 mA # c2\n) # c3\n"],
  ["inside a sequence header", "sequence s(a: time, # c1\n  b: time) { # c2\n  rest for a\n}\n"],
  ["before a sequence's first parameter", "sequence s( # c1\n  a: time) {\n  rest for a\n}\n"],
  ["on its own line in a sequence header", "sequence s(\n  # c1\n  a: time) { rest for a }\n"],
  ["in a cell", "cell c { # c1\n  # c2\n  kind full # c3\n  cathode { # c4\n    active mass 2 mg # c5\n  } # c6\n  # c7\n}\n"],
  ["in limits", "limits { # c1\n  voltage 2 V .. 4 V # c2\n  # c3\n}\n"],
  ["in a step's limits", "charge at 1C until 4 V, limits { # c1\n  voltage 2 V .. 4.3 V # c2\n}, label \"x\"\n"],
  ["in nested blocks", "for r in [1C, 2C] { # c1\n  repeat 2 { # c2\n    at 25 °C { # c3\n      rest for 1 h # c4\n    } # c5\n  } # c6\n} # c7\n"],
  ["without a space after #", "#c1\nrest for 1 h #c2\n"],
  ["only comments", "# c1\n\n# c2\n"],
  ["with # inside strings", 'pause "not # a comment" # c1\n'],
];

describe("comments in odd places", () => {
  it.each(PLACES)("%s", async (_name, input) => {
    const output = await formatBtp(input);
    expectSameProtocol(input, output);
    expect(await formatBtp(output)).toBe(output);
    // A comment that followed code still follows code; one alone on its line stays alone.
    const alone = (text: string) => {
      const source = new SourceText(text);
      return parsed(text).comments.map((c) => source.startsLine(c.span.start.offset));
    };
    expect(alone(output)).toEqual(alone(input));
  });

  it("moves the second of two comments around a brace to its own line", async () => {
    const input = "repeat 2 # c1\n{ # c2\n  rest for 1 h\n}\n";
    const output = await formatBtp(input);
    expect(output).toBe("repeat 2 {  # c1\n  # c2\n  rest for 1 h\n}\n");
    expectSameProtocol(input, output);
  });

  it("keeps a param's documentation comment", async () => {
    const input = "# how long\n# the cell rests\nparam t = 1 h\nparam n = 3   # passes\nparam list = [1C,\n  2C]  # rates\n";
    const docs = (text: string) => parsed(text).items.map((i) => (i.kind === "ParamDecl" ? i.doc : null));
    const output = await formatBtp(input);
    expect(docs(output)).toEqual(["how long the cell rests", "passes", "rates"]);
    expect(docs(output)).toEqual(docs(input));
  });

  it("keeps a sequence's documentation comment on its header line", async () => {
    const input = "sequence s(a: time) {   # one pass\n  rest for a\n}\n";
    const output = await formatBtp(input);
    expect(output).toBe("sequence s(a: time) {  # one pass\n  rest for a\n}\n");
    const seq = parsed(output).items[0]!;
    expect(seq.kind === "SequenceDecl" && seq.doc).toBe("one pass");
  });
});

describe("CommentQueue", () => {
  const text = "rest # a\n# b\nrest # c\n";
  const queue = () => new CommentQueue(parsed(text).comments, new SourceText(text));

  it("hands out the comments of a range once, in order", () => {
    const q = queue();
    expect(q.take(0, text.length).map((c) => c.text)).toEqual(["# a", "# b", "# c"]);
    expect(q.take(0, text.length)).toEqual([]);
    expect(q.untaken()).toEqual([]);
  });

  it("takes by start offset, half-open, and knows which comments stand alone", () => {
    const q = queue();
    const b = text.indexOf("# b");
    expect(q.take(b, b + 1)).toEqual([{ text: "# b", start: b, end: b + 3, ownLine: true }]);
    expect(q.take(0, b).map((c) => [c.text, c.ownLine])).toEqual([["# a", false]]);
    expect(q.untaken().map((c) => c.text)).toEqual(["# c"]);
  });

  it("trims trailing blanks", () => {
    const t = "rest # a  \t\n";
    const q = new CommentQueue(parsed(t).comments, new SourceText(t));
    expect(q.take(0, t.length)[0]!.text).toBe("# a");
    expect(commentsOf(t)).toEqual(["# a"]);
  });
});

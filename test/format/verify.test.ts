// The safety check that every formatting run passes: it must see any change of meaning or of
// comments, and nothing else.

import { describe, expect, it } from "vitest";
import { firstTreeDifference, meaningChange } from "../../src/format/verify.js";
import { parsed } from "./helpers.js";

describe("firstTreeDifference", () => {
  const difference = (a: string, b: string) => firstTreeDifference(parsed(a).items, parsed(b).items);

  it("ignores layout, keyword case, commas and positions", () => {
    expect(difference("repeat 2 { rest for 1 h }", "REPEAT 2 {\n\n  rest   for 1h\n}\n")).toBeNull();
    expect(difference("eis from 1 MHz to 1 Hz amplitude 5 mV", "eis from 1 MHz to 1 Hz, amplitude 5 mV")).toBeNull();
  });

  it("finds a changed number, unit, word or structure", () => {
    expect(difference("rest for 1 h", "rest for 2 h")).toBe("items[0].end.duration.text");
    expect(difference("rest for 1 h", "rest for 1 min")).toBe("items[0].end.duration.unit");
    expect(difference("charge at 1C until 4 V", "discharge at 1C until 4 V")).toBe("items[0].direction");
    expect(difference("rest for 1 h", "rest for 1 h\nrest for 1 h")).toBe("items.length");
    expect(difference("param x = (1 h + 1 h) * 2", "param x = 1 h + 1 h * 2")).toBe("items[0].value.operator");
  });

  it("sees a changed documentation comment", () => {
    expect(difference("param x = 1 # why", "# why\nparam x = 1")).toBeNull();
    expect(difference("param x = 1 # why", "# why\n\nparam x = 1")).toBe("items[0].doc");
  });
});

describe("meaningChange", () => {
  it("accepts the same protocol and comments", () => {
    expect(meaningChange(parsed("rest for 1 h # a\n"), parsed("rest   for 1 h    # a   \n"))).toBeNull();
  });

  it("reports a lost, added or reordered comment", () => {
    expect(meaningChange(parsed("# a\n# b\nrest\n"), parsed("# a\nrest\n"))).toMatch(/`# b` would be lost/);
    expect(meaningChange(parsed("rest\n"), parsed("rest # new\n"))).toMatch(/would appear/);
    expect(meaningChange(parsed("# a\n# b\nrest\n"), parsed("# b\n# a\nrest\n"))).toMatch(/`# a`/);
  });

  it("reports a different protocol first", () => {
    expect(meaningChange(parsed("rest for 1 h\n"), parsed("rest for 2 h\n"))).toMatch(/read differently \(at items\[0\]/);
  });
});

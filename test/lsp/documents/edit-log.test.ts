// Carrying positions of an older text over the edits made since.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EditLog } from "../../../src/lsp/documents/edit-log.js";

/** Applies `edits` to `text`, logging them as versions 2, 3, …; returns the final text. */
function applyAll(log: EditLog, text: string, edits: { start: number; remove: number; insert: string }[]): string {
  let current = text;
  edits.forEach((edit, i) => {
    const start = Math.min(edit.start, current.length);
    const oldEnd = Math.min(current.length, start + edit.remove);
    log.record({ version: i + 2, start, oldEnd, newLength: edit.insert.length });
    current = current.slice(0, start) + edit.insert + current.slice(oldEnd);
  });
  return current;
}

describe("EditLog", () => {
  it("moves a range that lies after an edit and keeps one before it", () => {
    const log = new EditLog();
    const text = "rest for 1 h\ncharge at 1C until 3.9 V\n";
    const now = applyAll(log, text, [{ start: 0, remove: 0, insert: "# title\n" }]);
    const at = text.indexOf("3.9 V");
    const moved = log.rangeToCurrent(at, at + 5, 1)!;
    expect(now.slice(moved.start, moved.end)).toBe("3.9 V");
    expect(log.rangeToCurrent(0, 4, 1)).toEqual({ start: 8, end: 12 });
  });

  it("drops a range whose text was edited, and maps typed text back to nothing", () => {
    const log = new EditLog();
    const text = "charge at 1C until 3.9 V";
    applyAll(log, text, [{ start: 20, remove: 1, insert: "4" }]);
    expect(log.rangeToCurrent(19, 24, 1)).toBeNull();
    expect(log.rangeToCurrent(0, 6, 1)).toEqual({ start: 0, end: 6 });
    const typed = applyAll(new EditLog(), "ab", [{ start: 1, remove: 0, insert: "XYZ" }]);
    const back = new EditLog();
    applyAll(back, "ab", [{ start: 1, remove: 0, insert: "XYZ" }]);
    expect(typed).toBe("aXYZb");
    expect(back.offsetAtVersion(2, 1)).toBeNull();
    expect(back.offsetAtVersion(4, 1)).toBe(1);
    expect(back.offsetAtVersion(0, 1)).toBe(0);
  });

  it("forgets the edits a newer check already saw", () => {
    const log = new EditLog();
    applyAll(log, "abcdef", [
      { start: 0, remove: 0, insert: "x" },
      { start: 0, remove: 0, insert: "y" },
    ]);
    expect(log.rangeToCurrent(1, 2, 1)).toEqual({ start: 3, end: 4 });
    log.forgetThrough(2);
    expect(log.size).toBe(1);
    expect(log.rangeToCurrent(1, 2, 2)).toEqual({ start: 2, end: 3 });
  });

  it("maps every untouched range onto the same text, whatever the edits", () => {
    const edit = fc.record({ start: fc.nat({ max: 60 }), remove: fc.nat({ max: 5 }), insert: fc.string({ maxLength: 5 }) });
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.array(edit, { maxLength: 8 }), fc.nat(), fc.nat(), (text, edits, a, b) => {
        const log = new EditLog();
        const now = applyAll(log, text, edits);
        const start = a % (text.length + 1);
        const end = start + (b % (text.length - start + 1));
        const moved = log.rangeToCurrent(start, end, 1);
        if (moved) expect(now.slice(moved.start, moved.end)).toBe(text.slice(start, end));
      }),
      { numRuns: 300 },
    );
  });
});

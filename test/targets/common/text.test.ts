import { describe, expect, it } from "vitest";
import { fileSpan } from "../../../src/diagnostics/diagnostic.js";
import { crlf, decodeText, detectLineEnding, encodeText, joinLines, unencodableCharacters, withPlainSpellings } from "../../../src/targets/common/text.js";

const where = { span: fileSpan("p.btp"), target: "biologic", what: "the step label" };

describe("text helpers", () => {
  it("joins lines with CRLF and a final line ending", () => {
    expect(crlf(["a", "b"])).toBe("a\r\nb\r\n");
    expect(joinLines(["a", "b"], "\n", false)).toBe("a\nb");
    expect(joinLines([], "\r\n")).toBe("");
  });

  it("encodes cp1252 with its own high bytes (µ 0xB5, € 0x80, – 0x96)", () => {
    const { bytes, diagnostics } = encodeText("10 µA – 5 €", "cp1252", where);
    expect(diagnostics).toEqual([]);
    expect([...bytes!]).toEqual([0x31, 0x30, 0x20, 0xb5, 0x41, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80]);
  });

  it("refuses what latin-1 cannot hold, once per character, with the span and target", () => {
    const { bytes, diagnostics } = encodeText("5 € and € and Ω", "latin1", where);
    expect(bytes).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(["BTP6003", "BTP6003"]);
    expect(diagnostics[0]!.message).toContain('"€" (U+20AC)');
    expect(diagnostics[0]!.message).toContain("Latin-1");
    expect(diagnostics[1]!.target).toBe("biologic");
    expect(diagnostics[1]!.span.file).toBe("p.btp");
  });

  it("spells symbols plainly only where the encoding lacks them, when asked", () => {
    expect(withPlainSpellings("Ω ≥ 5 µA", "latin1")).toBe("ohm >= 5 µA");
    expect(withPlainSpellings("Ω ≥ 5 µA", "ascii")).toBe("ohm >= 5 uA");
    const { bytes } = encodeText("R = 5 Ω", "cp1252", { ...where, plainSpellings: true });
    expect(new TextDecoder().decode(bytes!)).toBe("R = 5 ohm");
    expect(encodeText("电池", "cp1252", { ...where, plainSpellings: true }).diagnostics).toHaveLength(2);
    expect(unencodableCharacters("a°b€", "latin1")).toEqual(["€"]);
  });

  it("decodes what it encodes, and reports invalid UTF-8", () => {
    const text = "Ewe ctrl range : min = 0.00 V, µ ‰ Ÿ";
    expect(decodeText(encodeText(text, "cp1252", where).bytes!, "cp1252")).toBe(text);
    expect(decodeText(Uint8Array.from([0xb5]), "latin1")).toBe("µ");
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x41]), "utf-8")).toBeNull();
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]), "utf-8")).toBe("A");
  });

  it("detects the line ending a file uses", () => {
    expect(detectLineEnding("a\r\nb\r\nc\n")).toBe("\r\n");
    expect(detectLineEnding("a\nb\nc\r\n")).toBe("\n");
  });
});

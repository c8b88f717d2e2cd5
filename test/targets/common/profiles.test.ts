import { describe, expect, it } from "vitest";
import { BUILT_IN_PROFILES, findBuiltInProfile } from "../../../src/targets/profiles/catalogue.js";
import { checkProfile } from "../../../src/targets/profiles/check.js";
import { loadProfile, parseProfileJson } from "../../../src/targets/profiles/load.js";
import { checked } from "./fake-targets.js";

const cell = 'use cell "cells/na-cge-nvp.btp"\n';

describe("built-in instrument profiles", () => {
  it("cover the instruments of the source papers and the targets, each with its source", () => {
    const ids = BUILT_IN_PROFILES.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(["land-ct3002a", "land-ct3002au", "neware-bts4000", "arbin-lbt", "maccor-4000", "biologic-vmp3e", "chi-760e", "chi-660e"]));
    for (const p of BUILT_IN_PROFILES) {
      expect(p.source.length, p.id).toBeGreaterThan(20);
      expect(p.voltage.min, p.id).toBeLessThan(p.voltage.max);
      expect(p.maxCurrent, p.id).toBeGreaterThan(0);
    }
    expect(findBuiltInProfile(" CHI-760E ")?.target).toBe("chi");
  });
});

describe("checkProfile", () => {
  it("refuses a 10 A current on a CHI 760E, at the step", () => {
    const ir = checked(`${cell}rest for 1 s\ncharge at 10 A for 1 s\n`);
    const diagnostics = checkProfile(ir, findBuiltInProfile("chi-760e")!);
    expect(diagnostics).toMatchObject([{ code: "BTP6010", severity: "error", span: { start: { line: 3 } } }]);
    expect(diagnostics[0]!.message).toBe("the current 10 A is above the 0.25 A the CH Instruments 760E can drive");
  });

  it("says a relative current in its own words and in amperes", () => {
    const ir = checked(`${cell}charge at 30C until 3.9 V\n`);
    const diagnostics = checkProfile(ir, { ...findBuiltInProfile("land-ct3002a")!, maxCurrent: 5e-3 });
    expect(diagnostics[0]!.message).toBe("the current 30C (8.82 mA) is above the 5 mA the LAND CT3002A (5 V, 10 mA channel) can drive");
  });

  it("refuses voltages and frequencies outside the channel, and impedance on a cycler channel", () => {
    const lsv = checked("sweep from ocv to 6.5 V at 0.1 mV/s\n");
    expect(checkProfile(lsv, findBuiltInProfile("land-ct3002a")!).map((d) => d.code)).toEqual(["BTP6012"]);
    const eis = checked("eis from 10 MHz to 1 Hz, amplitude 5 mV\n");
    expect(checkProfile(eis, findBuiltInProfile("chi-660e")!).map((d) => d.message)).toEqual([
      "10 MHz is outside the 10 µHz to 1 MHz impedance range of the CH Instruments 660E",
    ]);
    expect(checkProfile(eis, findBuiltInProfile("neware-bts4000")!).map((d) => d.code)).toEqual(["BTP6014"]);
  });

  it("warns about a current below the channel's resolution", () => {
    const ir = checked(`${cell}charge at 0.01C until 3.9 V\n`);
    const diagnostics = checkProfile(ir, findBuiltInProfile("neware-bts4000")!);
    expect(diagnostics).toMatchObject([{ code: "BTP6011", severity: "warning" }]);
  });

  it("accepts what fits", () => {
    const ir = checked(`${cell}charge at 1C until 3.9 V\neis from 100 kHz to 10 mHz, amplitude 5 mV\n`);
    expect(checkProfile(ir, findBuiltInProfile("biologic-vmp3e")!)).toEqual([]);
  });
});

describe("user profiles (JSON)", () => {
  const valid = {
    id: "our-land",
    name: "LAND 5 V / 1 mA",
    target: "land",
    voltage: { min: "0 V", max: 5 },
    maxCurrent: "1 mA",
    minCurrent: "100 nA",
    frequency: { min: "10 mHz", max: "100 kHz" },
    source: "lab inventory",
  };

  it("reads values with units or in SI", () => {
    const { profile, diagnostics } = parseProfileJson(JSON.stringify(valid), "p.json");
    expect(diagnostics).toEqual([]);
    expect(profile).toMatchObject({ id: "our-land", voltage: { min: 0, max: 5 }, maxCurrent: 0.001, frequency: { min: 0.01, max: 1e5 } });
    expect(profile!.minCurrent).toBeCloseTo(1e-7, 15);
  });

  it("points at the place a JSON syntax error is", () => {
    const { diagnostics } = parseProfileJson('{\n  "id": "x",\n}', "p.json");
    expect(diagnostics).toMatchObject([{ code: "BTP6016", span: { start: { line: 3, column: 1 } } }]);
  });

  it("points at a missing field's object, an unknown field, a wrong unit and an empty range", () => {
    const text = JSON.stringify({ ...valid, voltage: { min: "0 V" }, extra: 1 }, null, 2);
    const { diagnostics } = parseProfileJson(text, "p.json");
    const messages = diagnostics.map((d) => `${d.span.start.line}: ${d.message}`);
    expect(messages).toContain('5: voltage is missing "max"');
    expect(messages.find((m) => m.includes('unknown field "extra"'))).toMatch(/^15: /);
    const wrongUnit = parseProfileJson(JSON.stringify({ ...valid, maxCurrent: "5 V" }, null, 2), "p.json");
    expect(wrongUnit.diagnostics.map((d) => d.message)).toEqual(['maxCurrent must be a current (a number in A or text such as "10 mA"), got "5 V"']);
    expect(wrongUnit.diagnostics[0]!.span.start).toMatchObject({ line: 9, column: 17 });
    const empty = parseProfileJson(JSON.stringify({ ...valid, voltage: { min: 5, max: 0 } }), "p.json");
    expect(empty.diagnostics.map((d) => d.message)).toEqual(["voltage.min must be below voltage.max"]);
  });

  it("refuses an unknown id and an unreadable file", () => {
    expect(loadProfile("maccor-9000", () => null).diagnostics[0]!.code).toBe("BTP6015");
    expect(loadProfile("missing.json", () => null).diagnostics[0]!.message).toBe("the profile file missing.json cannot be read");
    expect(loadProfile("chi-660e", () => null).profile?.name).toBe("CH Instruments 660E");
  });
});

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { checkFile } from "../../../src/check/index.js";
import { battinfoTarget } from "../../../src/targets/battinfo/index.js";
import { facetsOf } from "../../../src/targets/battinfo/facets.js";
import type { MethodStep } from "../../../src/targets/battinfo/method.js";
import { compileForTarget } from "../../../src/targets/common/compile.js";
import { bundledIr, codesInOrder, expectGolden, GOLDEN_PROTOCOLS, onlyText, OPTIONS, protocolIrWithArea, ROOT } from "../common/helpers.js";
import { recordShape } from "./record-shape.js";

const SAMPLES = "/work/shared/vendor-samples/battinfo";
const samples = readdirSync(SAMPLES).filter((f) => /^test-protocol-.*\.json$/.test(f));

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(recordShape);

type Json = Record<string, any>;

function record(body: string): Json {
  return JSON.parse(onlyText(compileForTarget(battinfoTarget, protocolIrWithArea(body), OPTIONS))) as Json;
}

function bundledRecord(name: string): Json {
  return JSON.parse(onlyText(compileForTarget(battinfoTarget, bundledIr(name), { ...OPTIONS, baseName: name }))) as Json;
}

describe("battinfo: the record has BattINFO's shape", () => {
  it.each(samples)("the shape used here accepts BattINFO's own sample %s", (file) => {
    const sample = JSON.parse(readFileSync(path.join(SAMPLES, file), "utf8")) as unknown;
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
  });

  const all = readdirSync(path.join(ROOT, "protocols"))
    .filter((f) => f.endsWith(".btp"))
    .map((f) => f.slice(0, -4));
  it.each(all)("the record of %s has that shape", (name) => {
    const result = compileForTarget(battinfoTarget, bundledIr(name), { ...OPTIONS, baseName: name });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const json = JSON.parse(onlyText(result)) as unknown;
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  });

  it("keys come in the samples' order", () => {
    expect(Object.keys(bundledRecord("a08-cycling-5c-10000-cycles"))).toEqual([
      "schema_version",
      "test_spec",
      "method",
      "record",
      "safety",
      "conditions",
      "facets",
      "artifacts",
      "provenance",
      "notes",
    ]);
  });
});

describe("battinfo: facets are derived the way BattINFO derives them", () => {
  // BattINFO computes facets from a record's method and conditions; btp's derivation must give
  // the samples' own facets back. (The EIS sample was written by hand and leaves out its
  // temperature, which BattINFO's derivation would include.)
  it.each(samples.filter((f) => !f.includes("2k9p")))("reproduces the facets of %s", (file) => {
    const sample = JSON.parse(readFileSync(path.join(SAMPLES, file), "utf8")) as Json;
    expect(facetsOf(sample.method as MethodStep[], sample.conditions ?? {})).toEqual(sample.facets);
  });
});

describe("battinfo: method", () => {
  it("a loop is a group with its count; C-rates in A/Ah beside the current in mA", () => {
    const method = bundledRecord("a08-cycling-5c-10000-cycles").method as Json[];
    const group = method.find((s) => s.mode === "group")!;
    expect(group.count).toBe(10000);
    expect(group.steps[0]).toEqual({
      mode: "cc",
      direction: "charge",
      setpoints: { c_rate: { value: 5, unit: "A/Ah" }, current: { value: 1.47, unit: "mA" } },
      termination: [{ quantity: "voltage", value: 3.9, unit: "V", direction: "above" }],
      description: "Charge at 5C until 3.9 V",
    });
  });

  it("a 3-pass loop is one group of count 3, never unrolled", () => {
    const method = record("repeat 3 { charge at 1 mA until 3.9 V; discharge at 1 mA until 2.3 V }").method as Json[];
    expect(method).toHaveLength(1);
    expect(method[0]).toMatchObject({ mode: "group", count: 3 });
    expect(method[0]!.steps).toHaveLength(2);
  });

  it("states every kind of step with its set-points and ends", () => {
    const method = record(
      [
        "rest for 1 h",
        "ocv for 10 min",
        "charge at 0.5C until 3.9 V then hold until C/20",
        "hold at 3.9 V until 0.05 mA or 2 h",
        "discharge at 10 mW until 0.1 mAh",
        "charge at 0.2 mA/cm2 for 1 h",
        "eis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade",
        "eis from 100 kHz to 1 Hz, amplitude 10 uA, at 0.1 mA",
        "sweep from ocv to 4.5 V at 0.1 mV/s",
        "cv between 2.0 V and 4.0 V at 0.5 mV/s, 3 cycles",
        'pause "move the cell"',
      ].join("\n"),
    ).method as Json[];
    expect(method.map((s) => s.mode)).toEqual(["rest", "rest", "cccv", "cv", "cp", "cc", "eis", "eis", "scan", "scan", "rest"]);
    expect(method[1]!.tags).toEqual(["open circuit voltage"]);
    expect(method[2]).toMatchObject({
      direction: "charge",
      setpoints: { c_rate: { value: 0.5, unit: "A/Ah" }, current: { value: 0.147, unit: "mA" }, voltage: { value: 3.9, unit: "V" } },
      termination: [{ quantity: "c_rate", value: 0.05, unit: "A/Ah", direction: "below" }],
    });
    expect(method[3]).toMatchObject({
      termination: [{ quantity: "current", value: 0.05, unit: "mA", direction: "below" }],
      duration: { value: 7200, unit: "s" },
    });
    expect(method[4]).toMatchObject({
      setpoints: { power: { value: 10, unit: "mW" } },
      termination: [{ quantity: "capacity", value: 0.1, unit: "mAh" }],
    });
    expect(method[5]!.setpoints).toEqual({ current_density: { value: 0.2, unit: "mA/cm2" }, current: { value: 0.2262, unit: "mA" } });
    expect(method[6]!.setpoints).toEqual({
      frequency_upper_limit: { value: 1000000, unit: "Hz" },
      frequency_lower_limit: { value: 0.01, unit: "Hz" },
      ac_perturbation_amplitude: { value: 5, unit: "mV" },
      points_per_decade: { value: 10, unit: "count" },
    });
    expect(method[7]!.setpoints).toMatchObject({
      ac_perturbation_amplitude: { value: 0.01, unit: "mA" },
      dc_current: { value: 0.1, unit: "mA" },
    });
    expect(method[7]!.tags).toEqual(["galvanostatic"]);
    expect(method[8]!.setpoints).toEqual({
      start_voltage_vs_ocv: { value: 0, unit: "V" },
      end_voltage: { value: 4.5, unit: "V" },
      scan_rate: { value: 0.1, unit: "mV/s" },
    });
    expect(method[9]!.setpoints).toMatchObject({
      lower_voltage_limit: { value: 2 },
      upper_voltage_limit: { value: 4 },
      cycles: { value: 3 },
    });
    expect(method[10]).toMatchObject({ tags: ["operator pause"], description: "Pause: move the cell" });
  });

  it("sections and sweep values become tags of the steps inside them", () => {
    const method = bundledRecord("b06-rate-capability").method as Json[];
    expect(method[2]!.steps[0].tags).toEqual(["rate steps", "rate = 0.2C", "pba_cycles(0.2C, 5)"]);
  });

  it("steps after given cycles split the loop into groups of identical passes", () => {
    const ir = protocolIrWithArea("repeat 60 {\n  charge at 1 mA for 1 h\n  after cycle 10, 60 { rest for 10 min }\n}");
    const result = compileForTarget(battinfoTarget, ir, OPTIONS);
    const method = JSON.parse(onlyText(result)).method as Json[];
    expect(method.map((s) => (s.mode === "group" ? `group ${s.count}` : s.mode))).toEqual([
      "group 9",
      "cc",
      "rest",
      "group 49",
      "cc",
      "rest",
    ]);
    expect(result.emulations.filter((e) => e.construct === "cycleAction")).toHaveLength(1);
  });

  it("a loop until and a stop are said in the group's description", () => {
    const loop = record(
      "repeat 100 until discharge capacity < 80 % of cycle 1 {\n  charge at 1C until 3.9 V\n  discharge at 1C until 2.3 V\n}",
    ).method as Json[];
    expect(loop[0]!.description).toBe("Repeated until discharge capacity < 80 % of cycle 1, at most 100 times.");
  });

  it("one ambient temperature is a condition; several are per step", () => {
    const one = record("temperature 25 °C, settle 2 h\ncharge at 1 mA until 3.9 V");
    expect(one.conditions.ambient_temperature).toEqual({ value: 25, unit: "degC" });
    expect(one.method[1].temperature).toBeUndefined();
    const two = record("at -20 °C { charge at 1 mA until 3.9 V }\nat 25 °C { discharge at 1 mA until 2.3 V }");
    expect(two.conditions.ambient_temperature).toBeUndefined();
    expect(two.method.map((s: Json) => s.temperature)).toEqual([
      { value: -20, unit: "degC" },
      { value: 25, unit: "degC" },
    ]);
    expect(two.facets.temperatures).toEqual([-20, 25]);
  });
});

describe("battinfo: identity, kind, provenance", () => {
  it("is deterministic: the same protocol gives the same bytes, from any path", () => {
    const a = onlyText(compileForTarget(battinfoTarget, bundledIr("a03-rate-capability-60c"), OPTIONS));
    const b = onlyText(compileForTarget(battinfoTarget, bundledIr("a03-rate-capability-60c"), OPTIONS));
    expect(a).toBe(b);
    const absolute = checkFile(path.join(ROOT, "protocols", "a03-rate-capability-60c.btp")).ir!;
    expect(JSON.parse(onlyText(compileForTarget(battinfoTarget, absolute, OPTIONS))).test_spec.id).toBe(JSON.parse(a).test_spec.id);
  });

  it("a changed protocol (a --set override) gets a new id", () => {
    const base = checkFile(path.join(ROOT, "protocols", "a03-rate-capability-60c.btp")).ir!;
    const changed = checkFile(path.join(ROOT, "protocols", "a03-rate-capability-60c.btp"), {
      overrides: [{ name: "cycles_per_rate", value: "3" }],
    }).ir!;
    const id = (ir: typeof base) => JSON.parse(onlyText(compileForTarget(battinfoTarget, ir, OPTIONS))).test_spec as Json;
    expect(id(changed).id).not.toBe(id(base).id);
    expect(id(base).short_id).toBe(id(base).id.split("/").pop().replace(/-/g, "").slice(0, 6));
    expect(id(base).identifier).toBe(`test-protocol:${id(base).id.split("/").pop()}`);
  });

  it.each([
    ["a03-rate-capability-60c", "rate_capability"],
    ["a08-cycling-5c-10000-cycles", "cycling"],
    ["b05-cycling-25degc", "cycling"],
    ["b06-rate-capability", "rate_capability"],
    ["a01-electrolyte-eis-arrhenius", "eis"],
    ["b02-cyclic-voltammetry", "cyclic_voltammetry"],
    ["a02-electrolyte-lsv-stability", "characterization"],
  ])("%s is a %s test", (name, kind) => {
    expect(bundledRecord(name).test_spec.kind).toBe(kind);
  });

  it("names the source protocol as its artifact and keeps the paper in the notes", () => {
    const json = bundledRecord("a03-rate-capability-60c");
    expect(json.artifacts).toEqual([
      { role: "source_protocol", format: "btp", locator: "protocols/a03-rate-capability-60c.btp", media_type: "text/plain" },
    ]);
    expect(json.provenance).toMatchObject({ source_type: "manual", retrieved_at: 0, workflow_version: "btp 0.0.0-test" });
    expect(json.notes).toContain("Cite: Shen et al., Nano-Micro Lett. (2026) 18:195");
    expect(json.test_spec.description).toMatch(/^Galvanostatic charge–discharge tests/);
  });

  it("a DOI in the citation becomes the provenance citation", () => {
    const json = record('cite "Doe et al., J. Power Sources (2025), doi:10.1016/j.jpowsour.2025.123456"\nrest for 1 h');
    expect(json.provenance.citation_doi).toBe("10.1016/j.jpowsour.2025.123456");
    expect(json.provenance.citation).toBe("https://doi.org/10.1016/j.jpowsour.2025.123456");
  });

  it("limits of single steps and a power limit are stated in the notes and listed", () => {
    const result = compileForTarget(
      battinfoTarget,
      protocolIrWithArea("limits { power 50 mW }\ncharge at 1 mA until 3.9 V, limits { current 2 mA }"),
      OPTIONS,
    );
    const json = JSON.parse(onlyText(result)) as Json;
    expect(json.notes).toContain("Safety: power limited to 50 mW.");
    expect((json.notes as string[]).some((n) => /^Safety of step 1 \(line \d+\): current 2 mA, power 50 mW\.$/.test(n))).toBe(true);
    expect(result.emulations.filter((e) => e.construct === "safetyLimits")).toHaveLength(2);
  });

  it("refuses a temperature end, which BattINFO's terminations cannot state", () => {
    const result = compileForTarget(battinfoTarget, protocolIrWithArea("rest until temperature > 30 °C"), OPTIONS);
    expect(codesInOrder(result.diagnostics)).toContain("BTP6001");
    expect(result.files).toEqual([]);
  });

  it("is UTF-8 JSON with two-space indentation, LF and a final newline", () => {
    const result = compileForTarget(battinfoTarget, bundledIr("a08-cycling-5c-10000-cycles"), { ...OPTIONS, baseName: "a08" });
    const text = onlyText(result);
    expect(result.files[0]!.path).toBe("a08.battinfo.json");
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).not.toContain("\r");
    expect(text.split("\n")[1]).toBe('  "schema_version": "0.2.0",');
    expect(result.files[0]!.content.length).toBeLessThan(50 * 1024);
  });

  it.each(GOLDEN_PROTOCOLS)("matches the reviewed golden file for %s", (name) => {
    const text = onlyText(compileForTarget(battinfoTarget, bundledIr(name), { ...OPTIONS, baseName: name }));
    expectGolden(import.meta.dirname, `${name}.battinfo.json`, text);
  });
});

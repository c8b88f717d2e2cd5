import { readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { newareTarget } from "../../../src/targets/neware/index.js";
import { compileForTarget } from "../../../src/targets/common/compile.js";
import { bundledIr, bundledNames, codesOf, expectCompiledOrRefused, onlyFile, OPTIONS, protocolIr, text } from "../common/helpers.js";

type Node = Record<string, any>;

function compile(body: string) {
  return newareTarget.compile(protocolIr(body), OPTIONS);
}

/** The compiled file's steps, as parsed XML (attributes without prefix). */
function stepsOf(content: Uint8Array): Node[] {
  const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", parseAttributeValue: false }).parse(text(content)) as Node;
  const info = tree.root.config.Step_Info as Node;
  return Object.keys(info)
    .filter((k) => k.startsWith("Step"))
    .map((k) => info[k] as Node);
}

describe("neware compile: loop count and current sign", () => {
  it("a 3-pass loop is its body then one Cycle step back to the body's first step with Cycle_Count 3", () => {
    const steps = stepsOf(onlyFile(compile("rest for 1 min\nrepeat 3 {\n  charge at 1 mA until 3.9 V\n  discharge at 1 mA until 2.3 V\n}")));
    expect(steps.map((s) => s.Step_Type)).toEqual(["4", "1", "2", "5", "6"]);
    const cycle = steps[3]!;
    expect(cycle.Step_ID).toBe("4");
    expect(cycle.Limit.Other.Start_Step.Value).toBe("2");
    expect(cycle.Limit.Other.Cycle_Count.Value).toBe("3");
  });

  it("charge and discharge are told apart by the step type; currents are positive mA", () => {
    const steps = stepsOf(onlyFile(compile("charge at 1.5 mA until 3.9 V\ndischarge at 0.25 mA until 2.3 V")));
    expect(steps[0]!.Step_Type).toBe("1");
    expect(steps[0]!.Limit.Main.Curr.Value).toBe("1.5");
    expect(steps[0]!.Limit.Main.Stop_Volt.Value).toBe("39000");
    expect(steps[1]!.Step_Type).toBe("2");
    expect(steps[1]!.Limit.Main.Curr.Value).toBe("0.25");
    expect(steps[1]!.Limit.Main.Stop_Volt.Value).toBe("23000");
  });

  it("nested loops point at their own first steps", () => {
    const steps = stepsOf(onlyFile(compile("repeat 2 {\n  rest for 1 s\n  repeat 5 {\n    charge at 1 mA for 1 s\n  }\n}")));
    expect(steps.map((s) => s.Step_Type)).toEqual(["4", "1", "5", "5", "6"]);
    expect(steps[2]!.Limit.Other.Start_Step.Value).toBe("2");
    expect(steps[2]!.Limit.Other.Cycle_Count.Value).toBe("5");
    expect(steps[3]!.Limit.Other.Start_Step.Value).toBe("1");
    expect(steps[3]!.Limit.Other.Cycle_Count.Value).toBe("2");
  });
});

describe("neware compile: steps", () => {
  it("writes a C-rate as mA plus Rate, and the nominal capacity as MultCap in mA·s", () => {
    const content = onlyFile(compile("charge at 0.5C until 3.9 V"));
    const step = stepsOf(content)[0]!;
    expect(step.Limit.Main.Rate.Value).toBe("0.5");
    expect(step.Limit.Main.Curr.Value).toBe("0.147");
    expect(text(content)).toContain('<MultCap Value="1058.4"/>');
  });

  it("keeps a CC-CV with a taper end as one CCCV step (type 7)", () => {
    const steps = stepsOf(onlyFile(compile("charge at 1 mA until 3.9 V then hold until 0.05 mA")));
    expect(steps[0]!.Step_Type).toBe("7");
    expect(steps[0]!.Limit.Main.Curr.Value).toBe("1");
    expect(steps[0]!.Limit.Main.Volt.Value).toBe("39000");
    expect(steps[0]!.Limit.Main.Stop_Curr.Value).toBe("0.05");
  });

  it("splits a CC-CV whose hold is timed into CC and CV steps, and lists the emulation", () => {
    const result = compile("charge at 1 mA until 3.9 V then hold until 0.05 mA or 30 min");
    const steps = stepsOf(onlyFile(result));
    expect(steps.map((s) => s.Step_Type)).toEqual(["1", "3", "6"]);
    expect(steps[1]!.Limit.Main.Time.Value).toBe("1800000");
    expect(steps[1]!.Limit.Main.Curr.Value).toBe("1");
    expect(result.emulations.some((e) => e.construct === "ccCv" && /CC step .* and a CV hold/.test(e.message))).toBe(true);
  });

  it("a discharge CC-CV is type 20 and a hold after a discharge is CV discharge (19)", () => {
    const steps = stepsOf(onlyFile(compile("discharge at 1 mA until 2.3 V then hold until 0.05 mA\ndischarge at 1 mA until 2.3 V\nhold at 2.3 V until 0.05 mA")));
    expect(steps.map((s) => s.Step_Type)).toEqual(["20", "2", "19", "6"]);
  });

  it("refuses a CV hold that has no current to draw", () => {
    const result = compile("hold at 3.9 V until 0.05 mA");
    expect(codesOf(result.diagnostics)).toContain("BTP6306");
    expect(result.files).toEqual([]);
  });

  it("uses the protocol current limit for a hold, without repeating it as step protection", () => {
    const steps = stepsOf(onlyFile(compile("limits { current 2 mA }\nhold at 3.9 V until 0.05 mA")));
    expect(steps[0]!.Limit.Main.Curr.Value).toBe("2");
    expect(steps[0]!.Protect).toBeUndefined();
  });

  it("writes protection and recording in 0.1 mV, ms and mA", () => {
    const xml = text(onlyFile(compile("limits { voltage 2 V .. 4.2 V, current 5 mA }\nrecord every 10 s or 5 mV or 0.1 mA\nrest for 1 h")));
    expect(xml).toMatch(/<Volt>\s*<Upper Value="42000"\/>\s*<Lower Value="20000"\/>\s*<\/Volt>/);
    expect(xml).toMatch(/<Curr>\s*<Upper Value="5"\/>\s*<Lower Value="-5"\/>\s*<\/Curr>/);
    expect(xml).toMatch(/<Record>\s*<Main>\s*<Time Value="10000"\/>\s*<Volt Value="50"\/>\s*<Curr Value="0.1"\/>/);
    expect(xml).toContain('<Time Value="3600000"/>');
  });

  it("turns a start-of-test temperature into an operator instruction and a settle rest", () => {
    const result = compile("temperature 25 °C, settle 2 h\ncharge at 1 mA until 3.9 V");
    const steps = stepsOf(onlyFile(result));
    expect(steps[0]!.Step_Type).toBe("4");
    expect(steps[0]!.Limit.Main.Time.Value).toBe("7200000");
    expect(result.emulations.map((e) => e.message).join("\n")).toMatch(/set the chamber to 25 °C before starting/);
    expect(text(result.files[0]!.content)).toContain("set the chamber to 25 degC before starting");
  });

  it("refuses a temperature change during the test, and a settle it cannot time", () => {
    expect(codesOf(compile("charge at 1 mA until 3.9 V\ntemperature 40 °C, settle 1 h").diagnostics)).toContain("BTP6303");
    expect(codesOf(compile("temperature 40 °C, settle until stable\nrest for 1 s").diagnostics)).toContain("BTP6304");
  });

  it("refuses what BTS cannot run through the capability table (impedance, loop until)", () => {
    const eis = compileForTarget(newareTarget, protocolIr("eis from 100 kHz to 1 Hz, amplitude 5 mV, 10 points per decade"), OPTIONS);
    expect(codesOf(eis.diagnostics)).toEqual(["BTP6001"]);
    expect(eis.files).toEqual([]);
    const until = newareTarget.compile(protocolIr("repeat 5 until discharge capacity < 0.1 mAh {\n  discharge at 1 mA until 2.3 V\n}"), OPTIONS);
    expect(codesOf(until.diagnostics)).toContain("BTP6001");
  });

  it("refuses a rest that ends on voltage, naming the end", () => {
    const result = compile("rest until 3.0 V");
    const refusal = result.diagnostics.find((d) => d.code === "BTP6302");
    expect(refusal?.message).toMatch(/voltage/);
    expect(refusal?.span.start.line).toBeGreaterThan(1);
  });

  it("refuses more than 254 steps", () => {
    const steps = Array.from({ length: 260 }, (_, i) => `rest for ${i + 1} s`).join("\n");
    const result = compile(steps);
    expect(codesOf(result.diagnostics)).toContain("BTP6301");
  });
});

describe("neware compile: the file's bytes", () => {
  const result = newareTarget.compile(bundledIr("a08-cycling-5c-10000-cycles.btp"), { baseName: "a08", btpVersion: "0.0.0-test" });
  const bytes = onlyFile(result);

  it("is UTF-8 declared, ASCII only, CRLF only, decimal points", () => {
    expect(text(bytes).startsWith('<?xml version="1.0" encoding="UTF-8"?>\r\n')).toBe(true);
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    const lf = bytes.filter((b, i) => b === 0x0a && bytes[i - 1] !== 0x0d).length;
    expect(lf).toBe(0);
    const numbers = [...text(bytes).matchAll(/<(\w+) Value="([^"]*)"/g)].filter(([, name]) => !["Remark", "PN", "Creator"].includes(name!));
    expect(numbers.length).toBeGreaterThan(10);
    for (const [, name, value] of numbers) expect(value, name).toMatch(/^-?\d+(\.\d+)?$/);
    expect(result.files[0]!.path).toBe("a08.xml");
  });

  it("keeps A8's 10,000 cycles as one Cycle step and stays small", () => {
    const steps = stepsOf(bytes);
    expect(steps.filter((s) => s.Step_Type === "5")).toHaveLength(1);
    expect(steps.find((s) => s.Step_Type === "5")!.Limit.Other.Cycle_Count.Value).toBe("10000");
    expect(bytes.length).toBeLessThan(50 * 1024);
  });

  it("writes the title as ASCII character references and lists emulations in the header", () => {
    expect(text(bytes)).toContain("25 &#xB0;C");
    expect(text(bytes)).toMatch(/<!--[\s\S]*Emulations[\s\S]*5C resolved to 1.47 mA[\s\S]*-->/);
  });

  it("compiles to the same bytes every time (content-derived Guid)", () => {
    const again = newareTarget.compile(bundledIr("a08-cycling-5c-10000-cycles.btp"), { baseName: "a08", btpVersion: "0.0.0-test" });
    expect(Buffer.from(again.files[0]!.content).equals(Buffer.from(bytes))).toBe(true);
  });

  it.each(["a08-cycling-5c-10000-cycles", "b01-first-cycle-0p1c"])("matches the reviewed golden file for %s", (name) => {
    const compiled = newareTarget.compile(bundledIr(`${name}.btp`), { baseName: name, btpVersion: "0.0.0-test" });
    const golden = readFileSync(path.join(import.meta.dirname, "golden", `${name}.xml`));
    expect(text(onlyFile(compiled))).toBe(text(golden));
  });
});

describe("neware compile: every bundled protocol", () => {
  it.each(bundledNames())("%s compiles or is refused with a reason, and what compiles imports back", (name) => {
    expectCompiledOrRefused(newareTarget, name, /^BTP6(00[12]|30\d)$/, ".xml");
  });
});

// A methods-section paragraph generated from the IR alone, in the voice of the papers btp was
// built from ("Galvanostatic charge–discharge tests were carried out between 2.3 and 3.9 V at
// 60 °C on a LAND CT3002AU battery tester …"). Sentences, in order:
//   1. galvanostatic testing: window, temperatures, battery tester (when anything cycles);
//   2. the sequence of phases, with loop counts in words and 1C defined at its first use;
//   3. one sentence per technique (EIS, LSV, CV, potentiostatic hold) with its settings;
//   4. the temperature chamber, when the protocol sets one.
// Nothing here knows any particular protocol: every word comes from the IR's cell, metadata and
// structure.

import { formatNumber } from "../../../units/format.js";
import { formatQuantity, toDisplay } from "../../../units/display.js";
import type { ProtocolEstimate } from "../../estimate.js";
import type { CellIR, CycleActionIR, ProtocolIR, TemperatureStepIR } from "../../types.js";
import { walkNodes } from "../../types.js";
import {
  countInWords,
  countOf,
  groupDigits,
  joinAnd,
  ordinal,
  paperQuantity,
  paperUnit,
  sentence,
  withMinusSign,
} from "../words.js";
import { instrumentRoles, type InstrumentRoles } from "./instruments.js";
import {
  agreedTime,
  phasesOf,
  type BlockPhase,
  type CyclingPhase,
  type Drive,
  type EisPhase,
  type HoldPhase,
  type Phase,
  type RateSeriesPhase,
  type SweepPhase,
  type VoltammetryPhase,
} from "./phases.js";

/** Lists longer than this are shortened ("0.1, 0.2, 0.3, …, 20 and 30C (25 rates)"). */
const LONGEST_LIST = 12;

export function methodsParagraph(ir: ProtocolIR, _estimate?: ProtocolEstimate): string {
  const writer = new MethodsWriter(ir);
  return writer.paragraph();
}

class MethodsWriter {
  private readonly cell: CellIR | null;
  private readonly roles: InstrumentRoles;
  private readonly phases: Phase[];
  /** Said once: the first sentence names the cell, the first C-rate defines 1C. */
  private cellNamed = false;
  private cRateDefined = false;
  private workstationNamed = false;
  /** Techniques already introduced by their full name. */
  private readonly named = new Set<string>();
  /** Temperatures vary between phases, so each phase says its own. */
  private readonly phasesSayTemperature: boolean;

  constructor(private readonly ir: ProtocolIR) {
    this.cell = ir.cell;
    this.roles = instrumentRoles(ir.metadata.instruments);
    this.phases = phasesOf(ir.body, ir.cell);
    this.phasesSayTemperature = distinct(allPhases(this.phases).flatMap(phaseAmbients)).length > 1;
  }

  paragraph(): string {
    const sentences = [
      this.galvanostaticSentence(),
      this.sequenceSentence(),
      ...this.techniqueSentences(),
      this.chamberSentence(),
    ];
    const text = sentences
      .filter((s): s is string => s !== null && s !== "")
      .map(sentence)
      .join(" ");
    return text !== "" ? text : "The protocol contains no electrochemical steps.";
  }

  // -- 1. Galvanostatic testing -------------------------------------------------------------

  private galvanostaticSentence(): string | null {
    const steps = [...walkNodes(this.ir.body)].filter(
      (n) => n.kind === "constantCurrent" || n.kind === "constantPower" || n.kind === "ccCv",
    );
    if (steps.length === 0) return null;
    const cutoffs: number[] = [];
    const ambients: (number | null)[] = [];
    for (const step of steps) {
      ambients.push(step.ambient);
      if (step.kind === "ccCv") cutoffs.push(step.voltage);
      else for (const end of step.ends) if (end.kind === "voltage") cutoffs.push(end.volts);
    }
    const symmetric = this.cell?.kind === "symmetric";
    const subject = symmetric ? "galvanostatic plating/stripping tests" : "galvanostatic charge–discharge tests";
    const window = windowWords(cutoffs);
    const temperatures = temperatureWords(ambients);
    const where = this.roles.cycler ? ` on ${this.roles.cycler}` : "";
    return `${subject}${this.ofCell()} were carried out${window}${temperatures ? ` at ${temperatures}` : ""}${where}`;
  }

  /** " of the Na | CGE | NVP-K0.05 coin cell (CR2032)", once. */
  private ofCell(): string {
    if (this.cellNamed || !this.cell) return "";
    this.cellNamed = true;
    const name = (this.cell.title ?? "").trim();
    if (name === "") return "";
    const noun = /\bcells?\b/i.test(name)
      ? ""
      : this.cell.kind === "symmetric" && !/symmetric/i.test(name)
        ? " symmetric cell"
        : " cell";
    const format = this.cell.format && !name.includes(this.cell.format) ? ` (${this.cell.format})` : "";
    return ` of the ${name}${noun}${format}`;
  }

  // -- 2. The sequence ----------------------------------------------------------------------

  private sequenceSentence(): string | null {
    const hasCycling = allPhases(this.phases).some((p) => p.kind === "cycling" || p.kind === "rateSeries");
    const items = this.phases.map((p) => this.clause(p)).filter((c) => c !== "");
    if (items.length === 0 || (!hasCycling && items.length < 2)) return null;
    return `the test comprised ${items.join(", then ")}`;
  }

  private clause(phase: Phase): string {
    switch (phase.kind) {
      case "cycling":
        return this.cyclingClause(phase);
      case "rateSeries":
        return this.rateSeriesClause(phase);
      case "block":
        return this.blockClause(phase);
      case "rest":
        return phase.seconds !== null ? `a ${formatQuantity(phase.seconds, "time")} rest` : "a rest";
      default:
        return techniqueName(phase) + this.ambientSuffix(phaseAmbients(phase));
    }
  }

  private cyclingClause(p: CyclingPhase): string {
    let head: string;
    if (p.loose) {
      const both = p.charge.length > 0 && p.discharge.length > 0;
      head = both ? "one cycle" : p.charge.length > 0 ? "a charge" : "a discharge";
    } else {
      head = p.until.length > 0 ? `up to ${groupDigits(p.cycles)} cycles` : countOf(p.cycles, "cycle");
    }
    return `${head}${this.rateWords(p)}${this.cycleDetails(p)}`;
  }

  /** " at 0.5C", " of charge at 0.1C and discharge at 0.2C". */
  private rateWords(p: CyclingPhase): string {
    const charge = driveList(p.charge);
    const discharge = driveList(p.discharge);
    const defined = this.defineCRate([...p.charge, ...p.discharge]);
    if (charge && discharge) {
      return charge === discharge
        ? ` at ${charge}${defined}`
        : ` of charge at ${charge}${defined} and discharge at ${discharge}`;
    }
    if (charge || discharge) return ` at ${charge || discharge}${defined}`;
    return "";
  }

  private rateSeriesClause(p: RateSeriesPhase): string {
    const perRate =
      p.base.until.length > 0 ? `up to ${groupDigits(p.base.cycles)} cycles` : countOf(p.base.cycles, "cycle");
    // A sweep of three or more rates over a full cell is what papers call a rate test.
    const lead = p.base.fromSweep && p.rates.length >= 3 && this.cell?.kind !== "symmetric" ? "a rate test of " : "";
    return `${lead}${perRate} at each of ${driveList(p.rates)}${this.defineCRate(p.rates)}${this.cycleDetails(p.base)}`;
  }

  /** Rests, step times, holds, techniques in every cycle, cycle actions, end conditions,
   * temperature: ", with 10 min rests and EIS after the 10th cycle, until …". */
  private cycleDetails(p: CyclingPhase): string {
    const details: string[] = [];
    const chargeTime = agreedTime(p.stepTimes.charge);
    const dischargeTime = agreedTime(p.stepTimes.discharge);
    if (chargeTime !== null && chargeTime === dischargeTime)
      details.push(`${formatQuantity(chargeTime, "time")} steps`);
    else if (chargeTime !== null && dischargeTime !== null) {
      details.push(
        `${formatQuantity(chargeTime, "time")} charge and ${formatQuantity(dischargeTime, "time")} discharge steps`,
      );
    }
    for (const hold of p.holds) details.push(hold);
    if (p.rests.length > 0) details.push(`${joinAnd(p.rests.map((s) => formatQuantity(s, "time")))} rests`);
    if (p.everyCycle.length > 0) details.push(`${joinAnd(p.everyCycle.map(techniqueName))} in every cycle`);
    for (const action of p.actions) {
      // A rest before a measurement is a detail a methods section leaves out.
      const measured = action.phases.filter((inner) => inner.kind !== "rest");
      const shown = measured.length > 0 ? measured : action.phases;
      const what = joinAnd(shown.map((inner) => this.nestedClause(inner)).filter((c) => c !== ""));
      if (what !== "") details.push(`${what} ${whenWords(action.when)}`);
    }
    let text = details.length > 0 ? `, with ${joinAnd(details)}` : "";
    if (p.until.length > 0) text += `, until ${p.until.join(" or ")}`;
    return text + this.ambientSuffix([p.ambient]);
  }

  /** Inside a cycle action or a block: techniques by name, cycling in full. */
  private nestedClause(phase: Phase): string {
    return phase.kind === "eis" || phase.kind === "lsv" || phase.kind === "cv" || phase.kind === "hold"
      ? techniqueName(phase)
      : this.clause(phase);
  }

  private blockClause(p: BlockPhase): string {
    const inner = joinAnd(p.phases.map((phase) => this.nestedClause(phase)).filter((c) => c !== ""));
    const times = p.until.length > 0 ? `up to ${groupDigits(p.count)} repetitions` : countOf(p.count, "repetition");
    const until = p.until.length > 0 ? `, until ${p.until.join(" or ")}` : "";
    return inner === "" ? "" : `${times} of ${inner}${until}`;
  }

  /** The definition of 1C after the first C-rate of the paragraph, "" otherwise. */
  private defineCRate(drives: readonly Drive[]): string {
    return drives.some((d) => d.isCRate) ? this.cRateDefinition() : "";
  }

  /** " (1C = 117.6 mA g⁻¹, i.e. 0.294 mA for this cell)", the first time only. */
  private cRateDefinition(): string {
    if (this.cRateDefined || !this.cell) return "";
    this.cRateDefined = true;
    const specific = this.cell.electrodes.find((e) => e.specificCapacity !== null)?.specificCapacity ?? null;
    const nominal = this.cell.nominalCapacity;
    const oneC = nominal !== null ? formatQuantity(nominal / 3600, "current", { digits: 4 }) : null;
    if (specific !== null) {
      // C/kg over one hour is A/kg, which is mA/g.
      const perGram = `1C = ${formatNumber(specific / 3600, 6)} mA g⁻¹`;
      return oneC ? ` (${perGram}, i.e. ${oneC} for this cell)` : ` (${perGram})`;
    }
    return oneC ? ` (1C = ${oneC})` : "";
  }

  private ambientSuffix(ambients: readonly (number | null)[]): string {
    if (!this.phasesSayTemperature) return "";
    const words = temperatureWords(ambients);
    return words ? ` at ${words}` : "";
  }

  // -- 3. Techniques ------------------------------------------------------------------------

  private techniqueSentences(): string[] {
    const all = allPhases(this.phases);
    const placed = placeTechniques(this.phases);
    const sentences: string[] = [];
    const eis = mergeByConfig(
      all.filter((p): p is EisPhase => p.kind === "eis"),
      placed,
    );
    for (const p of eis) sentences.push(this.eisSentence(p));
    for (const p of all) {
      if (p.kind === "lsv") sentences.push(this.sweepSentence(p));
      if (p.kind === "cv") sentences.push(this.voltammetrySentence(p));
      if (p.kind === "hold") sentences.push(this.holdSentence(p));
    }
    return [...new Set(sentences)];
  }

  /** "cyclic voltammetry (CV)" the first time, "CV" after. */
  private techniqueTitle(abbreviation: string, full: string): string {
    if (this.named.has(abbreviation)) return abbreviation;
    this.named.add(abbreviation);
    return `${full} (${abbreviation})`;
  }

  /** " also" for the second sentence on the same technique. */
  private also(abbreviation: string): string {
    return this.named.has(abbreviation) ? " also" : "";
  }

  private eisSentence(p: EisPhase): string {
    const { mode, startFrequency, endFrequency, amplitude, pointsPerDecade, bias } = p.step;
    const kind = mode === "galvanostatic" ? "current" : "voltage";
    const abbreviation = mode === "galvanostatic" ? "GEIS" : "EIS";
    const also = this.also(abbreviation);
    const name = this.techniqueTitle(
      abbreviation,
      mode === "galvanostatic"
        ? "galvanostatic electrochemical impedance spectroscopy"
        : "electrochemical impedance spectroscopy",
    );
    const range = `from ${paperQuantity(startFrequency, "frequency")} to ${paperQuantity(endFrequency, "frequency")}`;
    const settings = `with an amplitude of ${paperQuantity(amplitude, kind)} (${formatNumber(pointsPerDecade)} points per decade)`;
    const at = bias.reference === "ocv" ? "at open circuit" : `at a bias of ${paperQuantity(bias.value, kind)}`;
    const temperatures = temperatureWords(p.ambients);
    const when = p.when.length > 0 ? `, ${joinAnd(p.when)},` : "";
    const where = this.onWorkstation();
    return `${name}${this.ofCell()} was${also} measured${temperatures ? ` at ${temperatures}` : ""} ${range} ${settings} ${at}${when}${where}`;
  }

  private sweepSentence(p: SweepPhase): string {
    const where = this.onWorkstation();
    const also = this.also("LSV");
    return `${this.techniqueTitle("LSV", "linear sweep voltammetry")}${this.ofCell()} was${also} performed from ${p.from} to ${p.to} ${scanRateWords(p.scanRates)}${where}`;
  }

  private voltammetrySentence(p: VoltammetryPhase): string {
    const where = this.onWorkstation();
    const range = `between ${withMinusSign(formatNumber(p.lower))} and ${paperQuantity(p.upper, "voltage")}`;
    const cycles = `${countOf(p.cycles, "cycle")}${p.scanRates.length > 1 ? " each" : ""}`;
    const also = this.also("CV");
    return `${this.techniqueTitle("CV", "cyclic voltammetry")}${this.ofCell()} was${also} recorded ${range} ${scanRateWords(p.scanRates)} (${cycles})${where}`;
  }

  private holdSentence(p: HoldPhase): string {
    const where = this.onWorkstation();
    const also = this.named.has("polarisation") ? " also" : "";
    this.named.add("polarisation");
    return `potentiostatic polarisation${this.ofCell()} was${also} applied at ${p.setpoint}${p.ends ? ` ${p.ends}` : ""}${where}`;
  }

  /** " on a CHI760 electrochemical workstation" in the first technique sentence, then "" (the
   * papers name the workstation once). When the same instrument also cycles, it was named then. */
  private onWorkstation(): string {
    if (this.workstationNamed || !this.roles.workstation) return "";
    this.workstationNamed = true;
    return ` on ${this.roles.workstation}`;
  }

  // -- 4. The chamber -----------------------------------------------------------------------

  private chamberSentence(): string | null {
    const steps = [...walkNodes(this.ir.body)].filter((n): n is TemperatureStepIR => n.kind === "temperature");
    if (steps.length === 0) return null;
    const setpoints = distinct(steps.map((s) => s.setpoint));
    const settle = settleWords(steps);
    if (setpoints.length === 1) {
      return `the cell was kept in a temperature-controlled chamber at ${paperQuantity(setpoints[0]!, "temperature")}${settle ? `, ${settle} before testing` : ""}`;
    }
    const list = temperatureWords(setpoints);
    return `a temperature-controlled chamber was set to ${list} in turn${settle ? `, ${settle} at each` : ""}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Every phase, nested ones included (in cycle actions, every-cycle techniques and blocks). */
function allPhases(phases: readonly Phase[]): Phase[] {
  const out: Phase[] = [];
  for (const p of phases) {
    out.push(p);
    if (p.kind === "cycling") {
      out.push(...allPhases(p.everyCycle), ...p.actions.flatMap((a) => allPhases(a.phases)));
    } else if (p.kind === "rateSeries") {
      out.push(...allPhases(p.base.everyCycle), ...p.base.actions.flatMap((a) => allPhases(a.phases)));
    } else if (p.kind === "block") {
      out.push(...allPhases(p.phases));
    }
  }
  return out;
}

function phaseAmbients(p: Phase): (number | null)[] {
  switch (p.kind) {
    case "cycling":
      return [p.ambient];
    case "rateSeries":
      return [p.base.ambient];
    case "eis":
    case "lsv":
    case "cv":
      return p.ambients;
    case "hold":
      return [p.ambient];
    default:
      return [];
  }
}

/** A technique by name, with its scan rates when it has them: "EIS", "CV at 0.1 mV s⁻¹". */
function techniqueName(p: Phase): string {
  switch (p.kind) {
    case "eis":
      return p.step.mode === "galvanostatic" ? "GEIS" : "EIS";
    case "lsv":
      return `LSV ${scanRateWords(p.scanRates, false)}`;
    case "cv":
      return `CV ${scanRateWords(p.scanRates, false)}`;
    case "hold":
      return "potentiostatic polarisation";
    case "rest":
      return p.seconds !== null ? `a ${formatQuantity(p.seconds, "time")} rest` : "a rest";
    default:
      return "";
  }
}

/** Where each EIS sits relative to the cycling: found from its place in the tree. */
function placeTechniques(top: readonly Phase[]): Map<EisPhase, string[]> {
  const placed = new Map<EisPhase, string[]>();
  const add = (p: Phase, when: string) => {
    if (p.kind === "eis") placed.set(p, [...(placed.get(p) ?? []), when]);
  };
  const isCycling = (p: Phase) => p.kind === "cycling" || p.kind === "rateSeries" || p.kind === "block";
  top.forEach((p, i) => {
    const before = top.slice(0, i).some(isCycling);
    const after = top.slice(i + 1).some(isCycling);
    if (before && after) add(p, "between the cycling stages");
    else if (after) add(p, "before cycling");
    else if (before) add(p, "after cycling");
    const cycling = p.kind === "cycling" ? p : p.kind === "rateSeries" ? p.base : null;
    if (cycling) {
      for (const inner of cycling.everyCycle) add(inner, "in every cycle");
      for (const action of cycling.actions) for (const inner of action.phases) add(inner, whenWords(action.when));
    }
    if (p.kind === "block") {
      for (const inner of allPhases(p.phases)) add(inner, `in each of the ${countInWords(p.count)} repetitions`);
    }
  });
  return placed;
}

/** EIS phases with the same settings become one sentence, with all their places and temperatures. */
function mergeByConfig(phases: readonly EisPhase[], placed: Map<EisPhase, string[]>): EisPhase[] {
  const byConfig = new Map<string, EisPhase>();
  for (const p of phases) {
    const key = JSON.stringify(p.step);
    const existing = byConfig.get(key);
    const when = placed.get(p) ?? [];
    if (existing) {
      existing.ambients.push(...p.ambients);
      for (const w of when) if (!existing.when.includes(w)) existing.when.push(w);
    } else {
      byConfig.set(key, { ...p, ambients: [...p.ambients], when: [...new Set(when)] });
    }
  }
  return [...byConfig.values()];
}

/** "after the 10th and 60th cycles", "every 100 cycles". */
function whenWords(action: CycleActionIR): string {
  if (action.cycles !== null) {
    const listed = shortList(action.cycles.map(ordinal), "cycles");
    return `after the ${listed} ${action.cycles.length === 1 ? "cycle" : "cycles"}`;
  }
  const every = action.every ?? 1;
  return every === 1 ? "after every cycle" : `every ${groupDigits(every)} cycles`;
}

/** "0.5, 1, 2 and 30C": one unit at the end when the set-points share it. */
function driveList(drives: readonly Drive[]): string {
  if (drives.length === 0) return "";
  const glue = (d: Drive) => (d.isCRate ? "" : " ");
  const [first] = drives;
  if (drives.every((d) => d.unit === first!.unit))
    return shortList(
      drives.map((d) => d.number),
      "rates",
      `${glue(first!)}${first!.unit}`,
    );
  return shortList(
    drives.map((d) => `${d.number}${glue(d)}${d.unit}`),
    "set-points",
  );
}

/** " between 2.3 and 3.9 V", " with a cut-off of 3.9 V", or "". */
function windowWords(cutoffs: readonly number[]): string {
  if (cutoffs.length === 0) return "";
  const low = Math.min(...cutoffs);
  const high = Math.max(...cutoffs);
  if (low === high) return ` with a cut-off of ${paperQuantity(high, "voltage")}`;
  return ` between ${withMinusSign(formatNumber(low))} and ${paperQuantity(high, "voltage")}`;
}

/** "60 °C", "−20, 25 and 60 °C"; "" when no temperature is known. */
function temperatureWords(kelvins: readonly (number | null)[]): string {
  const known = distinct(kelvins.filter((k): k is number => k !== null));
  if (known.length === 0) return "";
  const celsius = known.map((k) => withMinusSign(formatNumber(toDisplay(k, "temperature").value, 6)));
  return shortList(celsius, "temperatures", " °C");
}

/** "at 0.1 mV s⁻¹", "at scan rates of 0.1, 0.2 and 0.4 mV s⁻¹" (or briefly, "at 0.1–0.4 mV s⁻¹"). */
function scanRateWords(rates: readonly number[], listed = true): string {
  const shown = distinct(rates).map((r) => toDisplay(r, "scan rate"));
  const unit = ` ${paperUnit(shown[0]?.unit ?? "mV/s")}`;
  const numbers = shown.map((s) => formatNumber(s.value, 6));
  if (numbers.length === 1) return `at ${numbers[0]}${unit}`;
  if (!listed) return `at ${numbers[0]}–${numbers[numbers.length - 1]}${unit}`;
  return `at scan rates of ${shortList(numbers, "scan rates", unit)}`;
}

function settleWords(steps: readonly TemperatureStepIR[]): string {
  const timed = distinct(steps.flatMap((s) => (s.settle.kind === "time" ? [s.settle.seconds] : [])));
  if (timed.length === 1) return `allowing ${formatQuantity(timed[0]!, "time")} to settle`;
  if (steps.some((s) => s.settle.kind === "stable")) return "waiting until the temperature was stable";
  return "";
}

/** joinAnd, shortened past LONGEST_LIST items, with `unit` after the last item:
 * "0.1, 0.2, 0.3, 0.4, 0.5, …, 20 and 30C (25 rates)". */
function shortList(items: readonly string[], noun: string, unit = ""): string {
  if (items.length <= LONGEST_LIST) return joinAnd(items) + unit;
  return `${items.slice(0, 5).join(", ")}, …, ${joinAnd(items.slice(-2))}${unit} (${groupDigits(items.length)} ${noun})`;
}

function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

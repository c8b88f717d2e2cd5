import type { DiagnosticCodeInfo } from "./types.js";

// BTP4xxx: protocol rules (steps, ends, loops, limits, cell window, estimates).
// 40xx are the whole-protocol rules of src/check/rules/, numbered by family:
// 400x steps that may never end · 401x the voltage across steps · 402x cell window and safety
// limits · 403x CC→CV · 404x potentiostat techniques · 405x currents against the cell · 406x loops.
const CELL = `cell coin {
  kind full
  cathode NVP { active mass 2.5 mg, specific capacity 117.6 mAh/g }
  window 2.3 V .. 3.9 V
}
use cell coin
`;

export const rulesCodes: DiagnosticCodeInfo[] = [
  {
    code: "BTP4001",
    severity: "error",
    title: "Step has no end",
    explanation:
      "A rest, open-circuit step, charge, discharge or hold must say how it ends (a time, a voltage cut-off, a taper current, a capacity). Without one the instrument runs the step until someone stops it, or until a safety limit ends the whole test.",
    bad: "rest\ncharge at 1 mA",
    fix: "rest for 1 h\ncharge at 1 mA until 3.9 V",
  },
  {
    code: "BTP4002",
    severity: "error",
    title: "Voltage hold without a time or current end",
    explanation:
      "During a constant-voltage hold the current tapers towards zero but never reaches it, so a hold (alone, or the hold part of `… then hold`) needs a taper current or a time to end on. A capacity end alone may never be reached.",
    bad: "hold at 3.9 V until 0.2 mAh",
    fix: "hold at 3.9 V for 2 h or until 0.05 mA",
  },
  {
    code: "BTP4003",
    severity: "error",
    title: "Step cannot reach any of its ends",
    explanation:
      "Every end of this constant-current (or constant-power) step lies where the step cannot go: a charge raises the voltage, so it never falls below a cut-off; a discharge never rises above one; a constant current never changes, so it never tapers below a threshold. The step would run until a safety limit trips.",
    bad: "charge at 1 mA until voltage < 2.3 V",
    fix: "charge at 1 mA until voltage > 3.9 V",
  },
  {
    code: "BTP4010",
    severity: "warning",
    title: "Charge or discharge ends at once",
    explanation:
      "btp follows the voltage the cell is left at (after a voltage cut-off, a hold or a sweep) through the steps, groups and loop passes. A charge whose cut-off is at or below that voltage, or a discharge whose cut-off is at or above it, stops the moment it starts. A CC-CV step is reported only when its voltage is strictly behind the cell, because its hold would then push the cell back the wrong way. After a rest, impedance measurement, temperature change or pause the voltage is not known and nothing is reported.",
    bad: "charge at 1 mA until 3.9 V\ncharge at 1 mA until 3.8 V",
    fix: "charge at 1 mA until 3.9 V\ndischarge at 1 mA until 3.8 V",
  },
  {
    code: "BTP4020",
    severity: "warning",
    title: "Voltage outside the cell window",
    explanation:
      "A cut-off, hold voltage or bias lies outside the voltage window declared for the cell. This is usually a typing mistake (4.9 V for 3.9 V) or the wrong cell. Voltage sweeps (LSV, CV) are checked against the window only on full and half cells; sweeping past the window is the purpose of LSV and blocking cells.",
    bad: `${CELL}charge at 0.5C until 4.9 V`,
    fix: `${CELL}charge at 0.5C until 3.9 V`,
  },
  {
    code: "BTP4021",
    severity: "error",
    title: "Voltage beyond the safety limits",
    explanation:
      "A cut-off, hold voltage, bias or sweep vertex lies beyond the voltage limits in effect at the step. The limit trips first and ends the test, so the step can never do what it says.",
    bad: "limits { voltage 2.0 V .. 4.2 V }\ncharge at 1 mA until 4.3 V",
    fix: "limits { voltage 2.0 V .. 4.4 V }\ncharge at 1 mA until 4.3 V",
  },
  {
    code: "BTP4022",
    severity: "error",
    title: "Current above the current limit",
    explanation:
      "The step's current is above the current limit in effect at the step, so the limit would stop the test as soon as the step starts.",
    bad: "limits { current 2 mA }\ncharge at 5 mA until 3.9 V",
    fix: "limits { current 10 mA }\ncharge at 5 mA until 3.9 V",
  },
  {
    code: "BTP4023",
    severity: "error",
    title: "Temperature set-point outside the temperature limits",
    explanation:
      "The chamber set-point lies outside the temperature limits in effect, so the limit would stop the test when the chamber gets there.",
    bad: "limits { temperature -10 °C .. 45 °C }\ntemperature 60 °C, settle 2 h",
    fix: "limits { temperature -10 °C .. 65 °C }\ntemperature 60 °C, settle 2 h",
  },
  {
    code: "BTP4024",
    severity: "error",
    title: "Power above the power limit",
    explanation:
      "The step's power is above the power limit in effect at the step, so the limit would stop the test as soon as the step starts.",
    bad: "limits { power 10 mW }\ndischarge at 20 mW until 2.3 V",
    fix: "limits { power 50 mW }\ndischarge at 20 mW until 2.3 V",
  },
  {
    code: "BTP4025",
    severity: "error",
    title: "Capacity end above the capacity limit",
    explanation:
      "The step ends on a capacity larger than the capacity limit in effect, so the limit would stop the test before the step ends.",
    bad: "limits { capacity 1 mAh }\ncharge at 1 mA until 2 mAh",
    fix: "limits { capacity 3 mAh }\ncharge at 1 mA until 2 mAh",
  },
  {
    code: "BTP4030",
    severity: "warning",
    title: "Hold voltage differs from the cut-off before it",
    explanation:
      "A constant-voltage hold right after a constant-current step that stops on a voltage is the second half of a CC-CV charge or discharge, and is meant to hold at that cut-off. A hold more than 1 mV away from it is a classic typing mistake. Writing the pair as one step (`… until 3.9 V then hold until C/20`) rules the mistake out.",
    bad: "charge at 1 mA until 3.9 V\nhold at 4.9 V until 0.05 mA",
    fix: "charge at 1 mA until 3.9 V then hold until 0.05 mA",
  },
  {
    code: "BTP4040",
    severity: "error",
    title: "Impedance sweep over no frequencies",
    explanation: "The impedance measurement starts and ends at the same frequency, so it has no range to sweep.",
    bad: "eis from 10 mHz to 10 mHz, amplitude 5 mV",
    fix: "eis from 1 MHz to 10 mHz, amplitude 5 mV",
  },
  {
    code: "BTP4041",
    severity: "warning",
    title: "Impedance frequency out of any instrument's range",
    explanation:
      "Impedance analysers measure between about 10 µHz and 10 MHz; a frequency outside that range is usually a wrong prefix (MHz for mHz).",
    bad: "eis from 1 GHz to 10 mHz, amplitude 5 mV",
    fix: "eis from 1 MHz to 10 mHz, amplitude 5 mV",
  },
  {
    code: "BTP4042",
    severity: "warning",
    title: "Impedance amplitude not small-signal",
    explanation:
      "Impedance spectroscopy assumes a linear response; a potentiostatic amplitude above 50 mV drives the cell out of that regime and distorts the spectrum. 5 to 10 mV is usual.",
    bad: "eis from 1 MHz to 10 mHz, amplitude 100 mV",
    fix: "eis from 1 MHz to 10 mHz, amplitude 5 mV",
  },
  {
    code: "BTP4043",
    severity: "warning",
    title: "Too many impedance points per decade",
    explanation:
      "More than 100 points per decade adds nothing to a spectrum and makes the low-frequency end take very long. 5 to 20 is usual.",
    bad: "eis from 1 MHz to 10 mHz, amplitude 5 mV, 1000 points per decade",
    fix: "eis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade",
  },
  {
    code: "BTP4044",
    severity: "warning",
    title: "Absurd scan rate",
    explanation:
      "A linear sweep or cyclic voltammetry slower than 1 µV/s or faster than 10 V/s is outside battery electrochemistry; it is usually a unit slip (V/s for mV/s).",
    bad: "cv between 2.0 V and 4.0 V at 100 V/s, 3 cycles",
    fix: "cv between 2.0 V and 4.0 V at 0.1 mV/s, 3 cycles",
  },
  {
    code: "BTP4045",
    severity: "error",
    title: "Cyclic voltammetry starts outside its vertices",
    explanation:
      "A cyclic voltammetry must start between its lower and upper vertex potentials; otherwise the instrument cannot sweep towards a vertex as written.",
    bad: "cv between 2.0 V and 4.0 V at 0.1 mV/s, 3 cycles, start at 4.5 V",
    fix: "cv between 2.0 V and 4.0 V at 0.1 mV/s, 3 cycles, start at 2.0 V",
  },
  {
    code: "BTP4050",
    severity: "warning",
    title: "Current far above the cell's 1C",
    explanation:
      "The current is more than 100 times the cell's 1C (its nominal capacity over one hour). That is nearly always a unit slip (A for mA) or a cell declared with the wrong mass or specific capacity.",
    bad: `${CELL}charge at 50 mA until 3.9 V`,
    fix: `${CELL}charge at 0.5 mA until 3.9 V`,
  },
  {
    code: "BTP4051",
    severity: "warning",
    title: "Capacity end far above the nominal capacity",
    explanation:
      "The step ends on a capacity more than 1.5 times the cell's nominal capacity, which a sound cell cannot deliver, so the end will likely never be reached. Usually a unit slip (mAh for µAh) or a cell declared with the wrong capacity.",
    bad: `${CELL}charge at 0.1C until 3 mAh`,
    fix: `${CELL}charge at 0.1C until 0.3 mAh`,
  },
  {
    code: "BTP4060",
    severity: "warning",
    title: "Loop repeats nothing electrical",
    explanation:
      "Every step inside the loop is a temperature change or a pause, so the loop never charges, discharges, holds, rests or measures the cell. Usually the steps meant to be repeated ended up outside the braces.",
    bad: "repeat 10 {\n  temperature 25 °C, settle 1 h\n}\ncharge at 1 mA until 3.9 V",
    fix: "repeat 10 {\n  temperature 25 °C, settle 1 h\n  charge at 1 mA until 3.9 V\n}",
  },
];

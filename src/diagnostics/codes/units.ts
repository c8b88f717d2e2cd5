import type { DiagnosticCodeInfo } from "./types.js";

// BTP3xxx: units, dimensions, types.
// 3001–3009 are about how units are spelled (src/units); dimension checks follow from 3010.
export const unitsCodes: DiagnosticCodeInfo[] = [
  {
    code: "BTP3001",
    severity: "error",
    title: "Unknown or malformed unit",
    explanation:
      "The text after a number is not a unit btp knows, or is not put together correctly (a space inside the unit, two `/`, " +
      "a separator with nothing on one side, an unreadable exponent). btp names the nearest accepted spelling when there is one. " +
      "Remember that `m` is the metre (minutes are `min`) and `C` is the C-rate (a charge in coulombs is `A·s`). " +
      "docs/units.md lists every accepted spelling.",
    bad: "rest for 2 hrs\ncharge at 0.2 mA until 0.3 mAH",
    fix: "rest for 2 h\ncharge at 0.2 mA until 0.3 mAh",
  },
  {
    code: "BTP3002",
    severity: "error",
    title: "Offset unit in a compound unit",
    explanation:
      "Degrees Celsius have an offset (0 °C is 273.15 K), so `°C` can only stand alone, as in `25 °C`. Inside a compound unit " +
      "such as a heating rate it would be ambiguous; use kelvin there, since a difference of 1 °C is exactly 1 K.",
    bad: "param ramp = 2 °C/min",
    fix: "param ramp = 2 K/min",
  },
];

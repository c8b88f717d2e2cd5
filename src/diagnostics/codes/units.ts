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
  // ---- BTP3010 onwards: dimension and value checks of the checker (src/check) ----
  {
    code: "BTP3010",
    severity: "error",
    title: "Adding different dimensions",
    explanation:
      "Both sides of `+` and `-` must be the same kind of quantity: a voltage plus a voltage, a time plus a time. Adding a " +
      "voltage to a time (or a C-rate to a current) has no meaning. `ocv ± voltage` is the one special case.",
    bad: "param cutoff = 3.9 V + 10 min",
    fix: "param cutoff = 3.9 V + 10 mV",
  },
  {
    code: "BTP3011",
    severity: "error",
    title: "Charge or discharge set-point is not a current or power",
    explanation:
      "`charge at` and `discharge at` take a current (`1 mA`), a C-rate (`0.5C`), a current density (`0.2 mA/cm2`), a " +
      "specific current (`100 mA/g`) or a power (`10 mW`). A voltage there usually means a hold was meant; the hint says what " +
      "to write.",
    bad: "cell coin { nominal capacity 0.3 mAh }\ncharge at 4.2 V until 1C",
    fix: "cell coin { nominal capacity 0.3 mAh }\nhold at 4.2 V until C/20",
  },
  {
    code: "BTP3012",
    severity: "error",
    title: "Duration is not a time",
    explanation: "`for …` and `settle …` take a duration such as `2 h` or `30 min`. To stop at a value, use `until`.",
    bad: "rest for 3 V",
    fix: "rest until 3 V",
  },
  {
    code: "BTP3013",
    severity: "error",
    title: "End condition of the wrong kind",
    explanation:
      "An `until` condition watches a voltage, a current, a capacity, a time or a temperature, chosen by the value's " +
      "dimension. A written subject must agree with the value (`until voltage 2 h` does not), and other quantities cannot " +
      "end a step.",
    bad: "charge at 1 mA until voltage 2 h",
    fix: "charge at 1 mA until voltage 4.2 V or 2 h",
  },
  {
    code: "BTP3014",
    severity: "error",
    title: "C-rate without a nominal capacity",
    explanation:
      "A C-rate (or a percent of nominal) becomes a current only through the cell's nominal capacity: 1C = nominal capacity / " +
      "1 h. Give the cell a `nominal capacity`, or a cathode with `active mass` and `specific capacity`.",
    bad: "cell coin { area 1.13 cm2 }\ncharge at 0.5C until 3.9 V",
    fix: "cell coin {\n  area 1.13 cm2\n  cathode \"NVP\" { active mass 2.5 mg, specific capacity 117.6 mAh/g }\n}\ncharge at 0.5C until 3.9 V",
  },
  {
    code: "BTP3015",
    severity: "error",
    title: "Current density without an area",
    explanation: "A current density (mA/cm²) or areal capacity (mAh/cm²) becomes amperes only through the electrode area of the cell.",
    bad: "cell na_na { kind symmetric }\ncharge at 0.1 mA/cm2 for 1 h",
    fix: "cell na_na { kind symmetric, area 1.13 cm2 }\ncharge at 0.1 mA/cm2 for 1 h",
  },
  {
    code: "BTP3016",
    severity: "error",
    title: "Specific current without an active mass",
    explanation:
      "A specific current (mA/g) or specific capacity (mAh/g) becomes amperes or coulombs only through the active mass: the " +
      "cell's `active mass`, or its cathode's (`active mass`, or `loading` with an `area`).",
    bad: "cell coin { nominal capacity 0.3 mAh }\ncharge at 100 mA/g until 3.9 V",
    fix: "cell coin { cathode \"NVP\" { active mass 2.5 mg } }\ncharge at 100 mA/g until 3.9 V",
  },
  {
    code: "BTP3017",
    severity: "error",
    title: "Relative quantity without a cell",
    explanation:
      "C-rates, current densities and specific quantities need a cell to become amperes, and the protocol has none — or " +
      "declares several and does not say which one it runs on (`use cell NAME`).",
    bad: "charge at 0.5C until 3.9 V",
    fix: "cell coin { nominal capacity 0.3 mAh }\ncharge at 0.5C until 3.9 V",
  },
  {
    code: "BTP3018",
    severity: "error",
    title: "Rest ends on a current",
    explanation: "No current flows in a rest or an open-circuit measurement, so a current end would never be reached.",
    bad: "rest until 2 mA",
    fix: "rest for 1 h",
  },
  {
    code: "BTP3019",
    severity: "error",
    title: "`ocv` where a voltage set-point is not allowed",
    explanation:
      "`ocv` (and `ocv ± voltage`) is the open-circuit voltage measured just before a step. It can be held (`hold at ocv + " +
      "50 mV`), swept from or to, used as a cv start or an EIS bias — not as an end condition, a cv vertex, a current, or in " +
      "other arithmetic.",
    bad: "rest until ocv",
    fix: "hold at ocv + 50 mV for 2 h",
  },
  {
    code: "BTP3020",
    severity: "error",
    title: "Value does not match the declared type",
    explanation: "A typed param (`param r: c-rate = …`) or a sequence parameter's default has a value of another kind.",
    bad: "param rate: c-rate = 1 mA",
    fix: "param rate: c-rate = 1C",
  },
  {
    code: "BTP3021",
    severity: "error",
    title: "Argument of the wrong type",
    explanation:
      "A sequence call passes a value of another kind than the parameter's type. A parameter typed `current` also accepts a " +
      "C-rate, a current density and a specific current.",
    bad: "sequence hold_for(t: time) { rest for t }\nhold_for(3 V)",
    fix: "sequence hold_for(t: time) { rest for t }\nhold_for(3 h)",
  },
  {
    code: "BTP3022",
    severity: "error",
    title: "--set value of the wrong kind",
    explanation:
      "A `--set name=value` override must have the same kind of quantity as the param it replaces (or its declared type): a " +
      "C-rate replaces a C-rate, a count a count.",
    bad: "btp check a3.btp --set cycles_per_rate=3h",
    fix: "btp check a3.btp --set cycles_per_rate=3",
    exampleLanguage: "shell",
  },
  {
    code: "BTP3023",
    severity: "error",
    title: "Value of the wrong kind",
    explanation:
      "A value has a different dimension than its place needs: a scan rate that is not a voltage per time, a temperature " +
      "without its unit, a repeat count with a unit, a limit in the wrong unit, and so on.",
    bad: "cv between 2 V and 4 V at 0.1 mV",
    fix: "cv between 2 V and 4 V at 0.1 mV/s",
  },
  {
    code: "BTP3024",
    severity: "error",
    title: "Cell property of the wrong kind",
    explanation: "A cell property has a value of the wrong dimension, e.g. an active mass in mAh or an area in mm.",
    bad: "cell coin { cathode \"NVP\" { active mass 2.5 mAh } }",
    fix: "cell coin { cathode \"NVP\" { active mass 2.5 mg } }",
  },
  {
    code: "BTP3025",
    severity: "error",
    title: "List where a single value is expected, or the other way round",
    explanation:
      "Lists (`[0.5C, 1C]`) are for sweeps (`for rate in [...]`) and params that feed them. A step needs one value, a sweep " +
      "needs a list, and lists cannot be nested or used in arithmetic.",
    bad: "charge at [1 mA, 2 mA] for 1 h",
    fix: "for current in [1 mA, 2 mA] { charge at current for 1 h }",
  },
  {
    code: "BTP3026",
    severity: "error",
    title: "Division by zero",
    explanation: "An expression divides by a value that is zero.",
    bad: "param zero = 0\nparam t = 2 h / zero",
    fix: "param t = 2 h / 2",
  },
  {
    code: "BTP3027",
    severity: "error",
    title: "Number too large",
    explanation:
      "The result of arithmetic is beyond what a double can hold (numbers written too large are refused by the parser, " +
      "BTP1024). Use an SI prefix instead of huge factors.",
    bad: "param f = 1e300 Hz * 1e300",
    fix: "param f = 1 MHz",
  },
  {
    code: "BTP3028",
    severity: "error",
    title: "Percent of what?",
    explanation:
      "A percent end or loop condition must say what it is a share of: `80 % of nominal` (the cell's nominal capacity) or " +
      "`80 % of cycle 1` (the value measured in that pass). Conversely `of nominal` and `of cycle` need a percent.",
    bad: "cell coin { nominal capacity 0.3 mAh }\ncharge at 0.5C until 80 %",
    fix: "cell coin { nominal capacity 0.3 mAh }\ncharge at 0.5C until 80 % of nominal",
  },
  {
    code: "BTP3029",
    severity: "error",
    title: "Negative set-point",
    explanation:
      "Direction is a word, never a sign: `discharge at 1 mA`, not `charge at -1 mA`. Instruments disagree on signs; btp's " +
      "compilers own that.",
    bad: "charge at -1 mA for 1 h",
    fix: "discharge at 1 mA for 1 h",
  },
  {
    code: "BTP3030",
    severity: "error",
    title: "Empty loop",
    explanation: "`repeat 0` never runs its body. Repeat at least once, or delete the loop.",
    bad: "repeat 0 { charge at 1 mA for 1 h }",
    fix: "repeat 1 { charge at 1 mA for 1 h }",
  },
  {
    code: "BTP3031",
    severity: "error",
    title: "Not a positive whole number",
    explanation:
      "Counts — repeat counts, cv cycles, points per decade, cycle numbers — are whole numbers of at least 1 (`repeat 2.5` " +
      "or `after cycle 0` have no meaning).",
    bad: "repeat 2.5 { charge at 1 mA for 1 h }",
    fix: "repeat 3 { charge at 1 mA for 1 h }",
  },
  {
    code: "BTP3032",
    severity: "error",
    title: "Absurd loop count",
    explanation:
      "More than 10,000,000 passes of a loop is almost surely a typo (extra zeros). Loops are never unrolled, so btp checks " +
      "this instantly even for 10^12; to run until a condition, use `repeat N until …`.",
    bad: "repeat 1e12 { charge at 1 mA for 1 s }",
    fix: "repeat 10000 { charge at 1 mA for 1 s }",
  },
  {
    code: "BTP3033",
    severity: "error",
    title: "Must be greater than zero",
    explanation:
      "Durations, scan rates, frequencies, amplitudes, masses, end currents and recording intervals are magnitudes above " +
      "zero. A set-point of zero current is a rest.",
    bad: "sweep from 2.5 V to 6.5 V at 0 mV/s",
    fix: "sweep from 2.5 V to 6.5 V at 0.1 mV/s",
  },
  {
    code: "BTP3034",
    severity: "error",
    title: "EIS without an amplitude",
    explanation:
      "An impedance measurement needs its excitation amplitude: a voltage (potentiostatic EIS) or a current (galvanostatic).",
    bad: "eis from 1 MHz to 10 mHz",
    fix: "eis from 1 MHz to 10 mHz, amplitude 5 mV",
  },
  {
    code: "BTP3035",
    severity: "error",
    title: "Below absolute zero",
    explanation: "A temperature is below 0 K — usually a missing `°C` (`-20 K` instead of `-20 °C`).",
    bad: "temperature -20 K",
    fix: "temperature -20 °C",
  },
  {
    code: "BTP3036",
    severity: "error",
    title: "Cycle beyond the loop",
    explanation: "`after cycle N` or `every N cycles` names a pass the enclosing loop never reaches.",
    bad: "repeat 50 {\n  charge at 1 mA for 1 h\n  after cycle 60 { rest for 1 h }\n}",
    fix: "repeat 60 {\n  charge at 1 mA for 1 h\n  after cycle 60 { rest for 1 h }\n}",
  },
  {
    code: "BTP3037",
    severity: "error",
    title: "Reference cycle beyond the loop",
    explanation: "`… % of cycle K` compares with a pass the loop never reaches (K is larger than its count).",
    bad: "repeat 10 until discharge capacity < 80 % of cycle 20 { charge at 1 mA for 1 h; discharge at 1 mA for 1 h }",
    fix: "repeat 10 until discharge capacity < 80 % of cycle 1 { charge at 1 mA for 1 h; discharge at 1 mA for 1 h }",
  },
  {
    code: "BTP3038",
    severity: "warning",
    title: "Hold voltage differs from the cut-off",
    explanation:
      "In `charge at I until V then hold at V2`, the hold usually holds the voltage the constant current stopped at; a " +
      "different V2 is a classic typing mistake. Without `at`, the hold uses the cut-off.",
    bad: "charge at 1 mA until 3.9 V then hold at 3.8 V until 0.1 mA",
    fix: "charge at 1 mA until 3.9 V then hold until 0.1 mA",
  },
  {
    code: "BTP3039",
    severity: "error",
    title: "`then hold` without a voltage cut-off",
    explanation: "A CC-CV step holds the voltage its constant-current part ends at, so that part must end at a voltage.",
    bad: "charge at 1 mA for 1 h then hold until 0.1 mA",
    fix: "charge at 1 mA until 4.2 V then hold until 0.1 mA",
  },
  {
    code: "BTP3040",
    severity: "error",
    title: "Range in the wrong order",
    explanation: "A range (cell window, voltage or temperature limit, cv vertices) must have its lower end first and below the upper end.",
    bad: "cv between 4 V and 2 V at 0.1 mV/s",
    fix: "cv between 2 V and 4 V at 0.1 mV/s",
  },
  {
    code: "BTP3041",
    severity: "error",
    title: "Value out of range",
    explanation: "A share (an active fraction, a coulombic efficiency) is outside what it can be.",
    bad: "cell coin { cathode \"NVP\" { fraction 175 % } }",
    fix: "cell coin { cathode \"NVP\" { fraction 75 % } }",
  },
  {
    code: "BTP3042",
    severity: "error",
    title: "Limit is a magnitude",
    explanation: "Current, capacity and power limits apply to charge and discharge alike: give one maximum, not a range.",
    bad: "limits { current -10 mA .. 10 mA }",
    fix: "limits { current 10 mA }",
  },
  {
    code: "BTP3043",
    severity: "error",
    title: "`then hold` after a constant power",
    explanation: "A CC-CV step is a constant current followed by a hold; after a constant power, write the hold as its own step.",
    bad: "charge at 10 mW until 4.2 V then hold until 0.1 mA",
    fix: "charge at 10 mW until 4.2 V\nhold at 4.2 V until 0.1 mA",
  },
  {
    code: "BTP3044",
    severity: "error",
    title: "Loop without a bound",
    explanation:
      "`repeat until …` needs a maximum number of passes, so that a condition that is never met cannot run a test forever. " +
      "The .btp parser already refuses it as a syntax error (BTP1019); this code is for protocols from other front ends.",
    bad: "repeat until discharge capacity < 80 % of cycle 1 { discharge at 1 mA until 2.3 V }",
    fix: "repeat 1000 until discharge capacity < 80 % of cycle 1 { discharge at 1 mA until 2.3 V }",
  },
];

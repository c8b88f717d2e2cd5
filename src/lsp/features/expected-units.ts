// Which units fit the place after a number: a current (or C-rate, current density, specific
// current, power) after `charge at`, a time after `for`, a voltage after `hold at` or in
// `window`, a frequency in `eis from … to …`, and so on. Found by walking back from the number
// to the word that says what the value is.

import type { QuantityKind } from "../../units/index.js";
import type { BlockKind } from "./completion-context.js";
import type { TextToken } from "./tokens.js";

const CURRENT_LIKE: QuantityKind[] = ["c-rate", "current", "current density", "specific current"];
const END_KINDS: QuantityKind[] = ["voltage", ...CURRENT_LIKE, "capacity", "specific capacity", "time", "percent"];
const RECORD_KINDS: QuantityKind[] = ["time", "voltage", "current"];

/** Cell keys and the kind of their value. */
export const CELL_KEY_KINDS: Readonly<Record<string, QuantityKind | null>> = {
  kind: null,
  format: null,
  chemistry: null,
  "nominal capacity": "capacity",
  area: "area",
  window: "voltage",
  mass: "mass",
  "active mass": "mass",
  "specific capacity": "specific capacity",
  cathode: null,
  anode: null,
  electrode: null,
  electrolyte: null,
  separator: null,
  model: null,
  loading: "loading",
  fraction: "percent",
  material: null,
  thickness: "length",
  diameter: "length",
};

const SUBJECT_KINDS: Readonly<Record<string, QuantityKind[]>> = {
  voltage: ["voltage"],
  current: ["current", "c-rate", "current density", "specific current"],
  capacity: ["capacity", "specific capacity", "areal capacity", "percent"],
  time: ["time"],
  temperature: ["temperature"],
  power: ["power"],
  efficiency: ["percent"],
};

/** The kinds of value the place before a number asks for (null: it does not tell). */
export function expectedKinds(tokens: TextToken[], block: BlockKind): QuantityKind[] | null {
  const words = tokens.map((t) => t.image.toLowerCase());
  const head = words[0] ?? "";
  if (block === "limits") {
    let from = 0;
    for (let i = 0; i < tokens.length; i++) if (tokens[i]!.type === "Comma" || tokens[i]!.type === "LCurly") from = i + 1;
    return SUBJECT_KINDS[words[from] ?? ""] ?? null;
  }
  if (block === "cell") {
    let from = 0;
    for (let i = 0; i < tokens.length; i++) if (tokens[i]!.type === "Comma") from = i + 1;
    const key = words.slice(from).filter((_, i) => tokens[from + i]!.type !== "Range" && !/^\d/.test(words[from + i]!)).join(" ");
    const kind = CELL_KEY_KINDS[key.split(" ").slice(0, 2).join(" ")] ?? CELL_KEY_KINDS[key.split(" ")[0] ?? ""];
    return kind ? [kind] : null;
  }
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]!;
    const previous = words[i - 1];
    const subject = SUBJECT_KINDS[word];
    if (subject && tokens[i]!.type === "Identifier" && i > 0) return subject;
    switch (word) {
      case "at":
        if (i === 0) return ["temperature"];
        if (previous === "start") return ["voltage"];
        if (head === "charge" || head === "discharge") return [...CURRENT_LIKE, "power"];
        if (head === "hold" || previous === "hold") return ["voltage"];
        if (head === "sweep" || head === "cv") return ["scan rate"];
        if (head === "eis") return ["voltage", "current"];
        return null;
      case "for":
        return i === 0 ? null : ["time"];
      case "settle":
        return ["time"];
      case "until":
      case "or":
        if (head === "repeat" || head === "stop") return ["capacity", "specific capacity", "percent", "voltage"];
        if (words.includes("record") && words.lastIndexOf("record") > words.lastIndexOf("until")) return RECORD_KINDS;
        if (head === "rest" || head === "ocv") return ["time", "voltage"];
        if (head === "hold" || words.includes("then")) return ["current", "c-rate", "time", "capacity"];
        return END_KINDS;
      case "every":
        return previous === "record" ? RECORD_KINDS : null;
      case "from":
      case "to":
        return head === "eis" ? ["frequency"] : ["voltage"];
      case "amplitude":
      case "bias":
        return ["voltage", "current"];
      case "between":
      case "and":
        return ["voltage"];
      case "temperature":
        return ["temperature"];
      case "repeat":
      case "cycle":
      case "cycles":
      case "after":
        return ["count"];
      case "=":
        return typeOfParam(words.slice(0, i));
      default:
        break;
    }
  }
  return null;
}

function typeOfParam(words: string[]): QuantityKind[] | null {
  const colon = words.indexOf(":");
  if (colon === -1) return null;
  const type = words.slice(colon + 1).join(" ").replace(/\s*-\s*/g, "-");
  return type ? [type as QuantityKind] : null;
}

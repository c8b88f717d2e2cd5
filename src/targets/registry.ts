// Every target btp can compile to, in the order `--target all` and the docs matrix list them:
// cyclers and potentiostats first, then the simulator and the documents. A new target exports
// its Target object from src/targets/<name>/index.ts and gets one import and one entry here.

import { arbinTarget } from "./arbin/index.js";
import { battinfoTarget } from "./battinfo/index.js";
import { biologicTarget } from "./biologic/index.js";
import { chiTarget } from "./chi/index.js";
import { landTarget } from "./land/index.js";
import { maccorTarget } from "./maccor/index.js";
import { methodsTarget } from "./methods/index.js";
import { newareTarget } from "./neware/index.js";
import { pybammTarget } from "./pybamm/index.js";
import type { Target } from "./target.js";

export const targets: Target[] = [
  biologicTarget,
  newareTarget,
  arbinTarget,
  maccorTarget,
  chiTarget,
  landTarget,
  pybammTarget,
  battinfoTarget,
  methodsTarget,
];

export function findTarget(name: string, among: readonly Target[] = targets): Target | undefined {
  const wanted = name.trim().toLowerCase();
  return among.find((t) => t.name === wanted);
}

export function targetNames(among: readonly Target[] = targets): string[] {
  return among.map((t) => t.name);
}

// The CH Instruments target: a macro for the CHI 660E / 760E Macro Command window (.mcr). No
// importer: no real CHI macro file is public to check one against. See docs/targets/chi.md.

import type { Target } from "../target.js";
import { chiCapabilities } from "./capabilities.js";
import { compileChi } from "./compile.js";

export const chiTarget: Target = {
  name: "chi",
  title: "CH Instruments macro (CHI 660E / 760E, .mcr)",
  kind: "potentiostat",
  capabilities: chiCapabilities,
  compile: (ir, options) => compileChi(ir, options, chiTarget),
};

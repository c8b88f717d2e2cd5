// The BioLogic target: EC-Lab / BT-Lab settings files (.mps), compiled from a protocol and read
// back. See docs/targets/biologic.md for what maps to what.

import type { Target } from "../target.js";
import { biologicCapabilities } from "./capabilities.js";
import { compileBiologic } from "./compile/index.js";
import { importSettings } from "./import/index.js";

export const biologicTarget: Target = {
  name: "biologic",
  title: "BioLogic EC-Lab / BT-Lab settings (.mps)",
  kind: "potentiostat",
  capabilities: biologicCapabilities,
  compile: (ir, options) => compileBiologic(ir, options, biologicTarget),
  import: (content, file) => importSettings(content, file),
  importExtensions: [".mps"],
};

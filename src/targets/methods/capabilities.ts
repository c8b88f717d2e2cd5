// The methods text describes a protocol in words, so it can say every construct as written:
// nothing is refused and nothing emulated.

import { ALL_CONSTRUCTS } from "../common/constructs.js";
import type { CapabilityTable, Construct, Support } from "../target.js";

export const methodsCapabilities: CapabilityTable = {
  constructs: Object.fromEntries(ALL_CONSTRUCTS.map((c) => [c, "native"])) as Record<Construct, Support>,
  maxLoopDepth: null,
  notes: {},
};

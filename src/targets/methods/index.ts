// The methods target: a protocol → the methods-section text of a paper, in Markdown: the
// paragraph, a citation line, the figures of the estimate and the step table.
//   conventions.ts  Markdown escaping, file name    capabilities.ts  everything can be said in words
//   markdown.ts     the document

import { estimateProtocol } from "../../ir/estimate.js";
import type { ProtocolIR } from "../../ir/types.js";
import { headerLines } from "../common/header.js";
import type { CompileOptions, CompileResult, Target } from "../target.js";
import { methodsCapabilities } from "./capabilities.js";
import { FILE_SUFFIX } from "./conventions.js";
import { writeMethods } from "./markdown.js";

const TITLE = "Methods-section text (Markdown)";

/** headerLines ends with advice for instruments; a document has none to check. */
const INSTRUMENT_ADVICE = "Check the schedule on the instrument before the first run.";

export const methodsTarget: Target = {
  name: "methods",
  title: TITLE,
  kind: "document",
  capabilities: methodsCapabilities,

  compile(ir: ProtocolIR, options: CompileOptions): CompileResult {
    const header = headerLines({ ir, targetTitle: TITLE, btpVersion: options.btpVersion, emulations: [] }).filter(
      (line) => line !== INSTRUMENT_ADVICE,
    );
    const text = writeMethods({ ir, estimate: estimateProtocol(ir), header, btpVersion: options.btpVersion, baseName: options.baseName });
    return {
      files: [
        {
          path: `${options.baseName}${FILE_SUFFIX}`,
          content: new TextEncoder().encode(text),
          description: "methods-section text (.md, UTF-8, LF)",
        },
      ],
      diagnostics: [],
      emulations: [],
    };
  },
};

// The messages between the server and its checking thread.

import type { Analysis, AnalysisRequest, EstimateReport } from "./types.js";

export type ToChecker =
  /** The editor's text of an open file (null when it is closed), for imports. */
  | { kind: "open-text"; path: string; text: string | null }
  /** Files on disk changed: read them again. */
  | { kind: "forget-disk" }
  /** A document was closed: drop its cached parse. */
  | { kind: "forget"; path: string }
  | { kind: "check"; id: number; request: AnalysisRequest };

export type FromChecker = { kind: "analysis"; id: number; analysis: Analysis } | { kind: "estimates"; report: EstimateReport };

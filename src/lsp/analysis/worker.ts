// The checking thread: checks protocols while the server's own thread stays free to answer
// hovers and completions. It holds an incremental parser per document and a cache of imported
// files, so consecutive checks of the same document re-read and re-parse only what changed.

import { parentPort } from "node:worker_threads";
import { Analyzer } from "./analyze.js";
import type { FromChecker, ToChecker } from "./messages.js";
import { SourceReader } from "./source-reader.js";

const reader = new SourceReader();
const analyzer = new Analyzer(reader);

parentPort?.on("message", (message: ToChecker) => {
  switch (message.kind) {
    case "open-text":
      reader.setOpenText(message.path, message.text);
      break;
    case "forget-disk":
      reader.forgetDisk();
      break;
    case "forget":
      analyzer.forget(message.path);
      break;
    case "check": {
      const reply: FromChecker = { kind: "analysis", id: message.id, analysis: analyzer.analyze(message.request) };
      parentPort?.postMessage(reply);
      const report = analyzer.estimates();
      if (report) parentPort?.postMessage({ kind: "estimates", report } satisfies FromChecker);
      break;
    }
  }
});

// The same output as JSON: the trace as one streamed array of row objects with BDF
// machine-readable keys (`test_time_second`, `voltage_volt`, ...), and the step table, cycle
// summary and spectra as arrays in their own files.

import { tableSink, type FileSink, type WriterInfo } from "./file-sink.js";
import type { OutputPaths } from "./paths.js";
import { jsonTable } from "./table-writer.js";
import { TRACE_COLUMNS } from "./tables.js";

export function createJsonSink(paths: OutputPaths, info: WriterInfo): FileSink {
  if (paths.trace === null)
    return tableSink(
      paths,
      info,
      "json",
      () => {},
      () => {},
    );
  const trace = jsonTable(paths.trace, TRACE_COLUMNS);
  return tableSink(
    paths,
    info,
    "json",
    (r) => trace.add(r),
    () => trace.close(),
  );
}

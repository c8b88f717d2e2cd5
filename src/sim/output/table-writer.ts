// Writing a table in CSV or as a streamed JSON array of objects, from the column definitions.

import { csvField } from "./number-format.js";
import type { Column } from "./tables.js";
import { TextFile } from "./text-file.js";

export interface TableWriter<T> {
  add(row: T): void;
  close(): void;
}

export function csvTable<T>(path: string, columns: readonly Column<T>[]): TableWriter<T> {
  const file = new TextFile(path);
  file.write(columns.map((c) => c.label).join(",") + "\n");
  return {
    add(row) {
      file.write(columns.map((c) => (c.text ? csvField(c.format(row)) : c.format(row))).join(",") + "\n");
    },
    close: () => file.close(),
  };
}

export function jsonTable<T>(path: string, columns: readonly Column<T>[]): TableWriter<T> {
  const file = new TextFile(path);
  let first = true;
  file.write("[");
  return {
    add(row) {
      const object: Record<string, string | number | null> = {};
      for (const c of columns) {
        const text = c.format(row);
        object[c.key] = c.text ? text : text === "" ? null : Number(text);
      }
      file.write((first ? "\n" : ",\n") + JSON.stringify(object));
      first = false;
    },
    close() {
      file.write(first ? "]\n" : "\n]\n");
      file.close();
    },
  };
}

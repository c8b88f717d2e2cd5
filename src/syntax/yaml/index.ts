// The YAML front end: a protocol written as YAML (docs/yaml.md) becomes the same syntax tree the
// .btp parser builds for the equivalent .btp file, so the same checker turns it into the same IR.
//
// The text goes through four gates, each of which can stop it with diagnostics:
//   1. read.ts    — size, nesting depth, YAML syntax, one document, no aliases, no duplicate keys;
//   2. schema.ts  — the shape of the format (which keys where), worded by errors.ts;
//   3. context.ts / phrases.ts — each value is btp text, parsed by the .btp expression parser;
//   4. declarations.ts / statements.ts — build the AST, with spans on the YAML nodes.

import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";
import { DiagnosticBag, sortDiagnostics, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { SourceFile } from "../ast.js";
import { YamlBuildContext } from "./context.js";
import { readTopLevel } from "./declarations.js";
import { schemaDiagnostics } from "./errors.js";
import { readYamlDocument } from "./read.js";
import { STEP_INNER_KEYS, yamlProtocolSchema } from "./schema.js";

export { yamlProtocolSchema } from "./schema.js";

let compiled: ValidateFunction | null = null;

/** Compiled on first use and kept: code generation costs milliseconds that a .btp run never needs. */
function formatValidator(): ValidateFunction {
  if (compiled === null) {
    const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true });
    compiled = ajv.compile(yamlProtocolSchema);
  }
  return compiled;
}

/** Reads a YAML protocol. Never throws: every problem is a diagnostic. When the YAML cannot be
 * read or does not fit the format, the file has no items and the diagnostics say why. */
export function parseYamlProtocol(text: string, path: string): { file: SourceFile; diagnostics: Diagnostic[] } {
  const file: SourceFile = {
    kind: "SourceFile",
    path,
    text,
    items: [],
    comments: [],
    span: { file: path, start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } },
  };
  try {
    const { doc, source, diagnostics } = readYamlDocument(text, path);
    file.span = source.span(0, text.length);
    if (doc === null) return { file, diagnostics: tidy(diagnostics) };

    const data: unknown = doc.toJS({ maxAliasCount: 0 });
    // An empty file (or only comments) is an empty protocol, as an empty .btp file is.
    if (data === null) return { file, diagnostics: tidy(diagnostics) };
    const validate = formatValidator();
    if (!validate(data)) {
      const statementSchema = yamlProtocolSchema.$defs.statement;
      diagnostics.push(...schemaDiagnostics(validate.errors ?? [], { doc, source, statementSchema, stepInnerKeys: STEP_INNER_KEYS }));
      return { file, diagnostics: tidy(diagnostics) };
    }

    const context = new YamlBuildContext(source);
    file.items = readTopLevel(context, doc.contents);
    diagnostics.push(...context.diagnostics);
    return { file, diagnostics: tidy(diagnostics) };
  } catch (error) {
    // A bug of ours must not take the editor or the CLI down with it; say so plainly instead.
    return {
      file,
      diagnostics: [
        {
          code: "BTP5001",
          severity: "error",
          message: `the YAML could not be read: ${error instanceof Error ? error.message : String(error)}`,
          span: file.span,
          hint: "this is a bug in btp; please report it with the file",
        },
      ],
    };
  }
}

/** In reading order, and capped: a generated file with a systematic mistake can have thousands. */
function tidy(diagnostics: Diagnostic[]): Diagnostic[] {
  const bag = new DiagnosticBag();
  for (const diagnostic of sortDiagnostics(diagnostics)) bag.add(diagnostic);
  return bag.items;
}

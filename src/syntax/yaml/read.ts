// Reads YAML text into the YAML library's document tree, refusing anything unsafe or ambiguous
// before a single value is looked at: oversized input, deep nesting, syntax errors, more than
// one document, aliases (the "billion laughs" expansion) and duplicate keys.

import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Document, Node, YAMLError } from "yaml";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { fileSpan } from "../../diagnostics/diagnostic.js";
import { findExcessiveNesting, MAX_YAML_DEPTH } from "./depth.js";
import { YamlSource } from "./source.js";

/** Protocols are kilobytes; the same cap as the CLI's, so that a wrong file cannot eat memory. */
export const MAX_YAML_BYTES = 16 * 1024 * 1024;
/** Enough to show a pattern without flooding the reader. */
const MAX_REPORTS_PER_KIND = 20;

export interface ReadYaml {
  /** Null when the text was refused; the diagnostics say why. */
  doc: Document.Parsed | null;
  source: YamlSource;
  diagnostics: Diagnostic[];
}

export function readYamlDocument(text: string, path: string): ReadYaml {
  const lineCounter = new LineCounter();
  const source = new YamlSource(text, path, lineCounter);
  const refuse = (diagnostic: Diagnostic): ReadYaml => ({ doc: null, source, diagnostics: [diagnostic] });

  if (text.length > MAX_YAML_BYTES || Buffer.byteLength(text, "utf8") > MAX_YAML_BYTES) {
    return refuse({
      code: "BTP0002",
      severity: "error",
      message: "this YAML file is larger than 16 MB, far more than any protocol needs",
      span: fileSpan(path),
      hint: "check that this is the protocol file you meant",
    });
  }

  const deep = findExcessiveNesting(text);
  if (deep) {
    // No line counter yet: the text was never handed to the YAML library, so count lines here.
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf("\n"); i !== -1 && i < deep.offset; i = text.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    const at = { offset: deep.offset, line, column: deep.offset - lineStart + 1 };
    return refuse(tooDeep({ file: path, start: at, end: at }));
  }

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      lineCounter,
      prettyErrors: false,
      strict: true,
      version: "1.2",
      schema: "core",
      merge: false,
      uniqueKeys: false, // checked below, so that the message can point at both keys
      stringKeys: true,
    });
  } catch (error) {
    return refuse({
      code: "BTP5001",
      severity: "error",
      message: `the YAML could not be read: ${error instanceof Error ? error.message : String(error)}`,
      span: fileSpan(path),
    });
  }

  const diagnostics = doc.errors.slice(0, MAX_REPORTS_PER_KIND).map((error) => syntaxError(source, error));
  for (const warning of doc.warnings.slice(0, MAX_REPORTS_PER_KIND)) {
    diagnostics.push({ ...syntaxError(source, warning), code: "BTP5006", severity: "warning" });
  }
  if (doc.errors.length > 0) return { doc: null, source, diagnostics };

  const structural = checkStructure(doc, source);
  diagnostics.push(...structural);
  return { doc: structural.length > 0 ? null : doc, source, diagnostics };
}

function tooDeep(span: Diagnostic["span"]): Diagnostic {
  return {
    code: "BTP5004",
    severity: "error",
    message: `the YAML nests more than ${MAX_YAML_DEPTH} levels deep here`,
    span,
    hint: "a protocol needs a few levels; check the indentation and the brackets",
  };
}

const SYNTAX_HINTS: Record<string, string> = {
  TAB_AS_INDENT: "indent with spaces: YAML does not allow tabs for indentation",
  BAD_INDENT: "line up keys of the same mapping, and indent what belongs to a key further than the key",
  MISSING_CHAR: "check for a bracket or quote that is opened but never closed",
  MULTILINE_IMPLICIT_KEY: "a key and its `:` must be on one line; a missing `:` or a wrong indentation often causes this",
  BLOCK_AS_IMPLICIT_KEY: "a missing `:` or a wrong indentation often causes this",
  NON_STRING_KEY: "write keys as plain words such as `steps` or `until`",
  BAD_ALIAS: "aliases (`*name`) are not supported in btp YAML",
  TAG_RESOLVE_FAILED: "remove the tag; btp YAML needs no tags",
};

function syntaxError(source: YamlSource, error: YAMLError): Diagnostic {
  if (error.code === "MULTIPLE_DOCS") {
    return {
      code: "BTP5005",
      severity: "error",
      message: "a protocol file holds one YAML document, but a second one starts here",
      span: source.span(error.pos[0], error.pos[1]),
      hint: "remove the `---` line and what follows, or put the second protocol in its own file",
    };
  }
  if (error.code === "RESOURCE_EXHAUSTION") return tooDeep(source.span(error.pos[0], error.pos[1]));
  const message = error.message.split("\n")[0]!.replace(/\.$/, "");
  const hint = SYNTAX_HINTS[error.code];
  return {
    code: "BTP5001",
    severity: "error",
    message: `YAML syntax: ${message.charAt(0).toLowerCase()}${message.slice(1)}`,
    span: source.span(error.pos[0], error.pos[1]),
    ...(hint ? { hint } : {}),
  };
}

/** Aliases, duplicate keys and the exact nesting depth, in one bounded walk of the tree. */
function checkStructure(doc: Document.Parsed, source: YamlSource): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let aliases = 0;
  let duplicates = 0;
  let tooDeepReported = false;

  const visit = (node: unknown, depth: number): void => {
    if (depth > MAX_YAML_DEPTH) {
      if (!tooDeepReported) diagnostics.push(tooDeep(source.nodeSpan(node as Node)));
      tooDeepReported = true;
      return;
    }
    if (isAlias(node)) {
      if (aliases++ < MAX_REPORTS_PER_KIND) {
        diagnostics.push({
          code: "BTP5003",
          severity: "error",
          message: `YAML aliases such as \`*${node.source}\` are not supported in protocols`,
          span: source.nodeSpan(node),
          hint: "write the value out, or use a `sequence` with parameters for repeated steps",
        });
      }
      return;
    }
    if (isSeq(node)) {
      for (const item of node.items) visit(item, depth + 1);
    } else if (isMap(node)) {
      const firstKeys = new Map<string, Node>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        if (isScalar(key)) {
          const name = String(key.value);
          const first = firstKeys.get(name);
          if (first === undefined) firstKeys.set(name, key);
          else if (duplicates++ < MAX_REPORTS_PER_KIND) {
            diagnostics.push({
              code: "BTP5002",
              severity: "error",
              message: `the key \`${name}\` appears twice in this mapping`,
              span: source.nodeSpan(key),
              hint: "keep one of them; a list (`until: [a, b]`) holds several values",
              related: [{ message: `\`${name}\` is first written here`, span: source.nodeSpan(first) }],
            });
          }
        } else {
          visit(key, depth + 1);
        }
        visit(pair.value, depth + 1);
      }
    }
  };
  visit(doc.contents, 1);
  return diagnostics;
}

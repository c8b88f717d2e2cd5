// docs/diagnostics.md is generated from the catalogue so that the documentation of a code can
// never drift from the code itself (test/diagnostics/catalogue.test.ts checks it is current).

import { diagnosticCatalogue } from "./codes/index.js";

const ranges: [string, string][] = [
  ["0", "Reading files"],
  ["1", "Syntax"],
  ["2", "Names, imports and declarations"],
  ["3", "Units, dimensions and types"],
  ["4", "Protocol rules"],
  ["5", "The YAML front end"],
  ["6", "Instrument targets, plans and importers"],
  ["7", "The simulator"],
  ["8", "Tools: CLI, formatter, language server"],
];

export function renderCatalogueMarkdown(): string {
  const out: string[] = [
    "# Diagnostics catalogue",
    "",
    "<!-- Generated from src/diagnostics/codes/*.ts by `npm run docs`. Do not edit by hand. -->",
    "",
    "Every problem btp reports has a code, a message in plain words, the file, line and column, and",
    "often a hint. `btp check --format json` gives the same as JSON. This page lists every code with a",
    "minimal example that triggers it and the fix.",
    "",
  ];
  for (const [digit, title] of ranges) {
    const codes = diagnosticCatalogue.filter((c) => c.code.startsWith(`BTP${digit}`));
    if (codes.length === 0) continue;
    out.push(`## ${title} (BTP${digit}xxx)`, "");
    out.push("| code | severity | title |", "|---|---|---|");
    for (const c of codes) out.push(`| [${c.code}](#${c.code.toLowerCase()}) | ${c.severity} | ${c.title} |`);
    out.push("");
    for (const c of codes) {
      const lang = c.exampleLanguage ?? "btp";
      const fence = lang === "text" ? "text" : lang;
      out.push(`### ${c.code}`, "", `**${c.title}** (${c.severity})`, "", c.explanation, "");
      out.push("Bad:", "", "```" + fence, c.bad.trimEnd(), "```", "", "Fixed:", "", "```" + fence, c.fix.trimEnd(), "```", "");
    }
  }
  return out.join("\n");
}

import type { DiagnosticCodeInfo } from "./types.js";

// BTP8xxx: CLI, formatter, language server.
export const toolsCodes: DiagnosticCodeInfo[] = [
  // ---------------------------------------------------------------- BTP8000–8049: the formatter
  {
    code: "BTP8001",
    severity: "error",
    title: "File is not formatted",
    explanation:
      "Reported by `btp fmt --check` for each file that `btp fmt` would change, at the first line that would change. Nothing is written; the exit code is 1, so CI can require formatted protocols.",
    bad: "btp fmt --check protocols",
    fix: "btp fmt protocols",
    exampleLanguage: "shell",
  },
  {
    code: "BTP8002",
    severity: "error",
    title: "Formatter refused to change the file",
    explanation:
      "After formatting, btp parses the result again and compares it with the original: the same protocol and every comment, in order. If anything differs (a bug in the formatter), the file is left exactly as it was rather than rewritten into a protocol that means something else.",
    bad: "btp fmt protocol-that-triggers-a-formatter-bug.btp",
    fix: "(report the file; meanwhile it stays as written and still checks and compiles)",
    exampleLanguage: "shell",
  },
  {
    code: "BTP8003",
    severity: "error",
    title: "Not a .btp file",
    explanation:
      "`btp fmt` formats .btp protocol files only. A YAML protocol (or any other file) named on its command line is left alone; in a directory, such files are skipped without a message.",
    bad: "btp fmt protocols/rate-test.btp.yaml",
    fix: "btp fmt protocols/rate-test.btp",
    exampleLanguage: "shell",
  },
  // ---------------------------------------------------------------- BTP8050–8099: the language server
  {
    code: "BTP8050",
    severity: "error",
    title: "The editor could not check the file",
    explanation:
      "The language server checks each open protocol as you type. If that check fails inside btp (a bug, never a problem of the protocol), the file shows this one diagnostic at its first line instead of its real ones; the next edit checks it again.",
    bad: "(a protocol whose check hits a bug in btp)",
    fix: "btp check protocol.btp   # shows the problems of the saved file; please report the bug with the file",
    exampleLanguage: "shell",
  },
  {
    code: "BTP8051",
    severity: "error",
    title: "Checking in the editor was stopped",
    explanation:
      "A check that takes longer than 20 s, or needs more memory than the editor allows, is stopped so that the editor stays responsive. The file shows this diagnostic until an edit makes it checkable again; `btp check` on the command line has no such limit.",
    bad: "(a protocol so large that checking it takes minutes)",
    fix: "btp check huge-protocol.btp   # or split the protocol into files that import each other",
    exampleLanguage: "shell",
  },
  {
    code: "BTP8052",
    severity: "error",
    title: "Cannot rename",
    explanation:
      "Rename works on params, sequences, cells, sequence parameters and sweep variables, and the new name must be a name: letters, digits and `_`, starting with a letter or `_`, and not a reserved word such as `cycle` or `rest`.",
    bad: "rename `cycles_per_rate` to `cycles per rate`",
    fix: "rename `cycles_per_rate` to `cycles_per_step`",
    exampleLanguage: "text",
  },
];

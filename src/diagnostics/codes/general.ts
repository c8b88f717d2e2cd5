import type { DiagnosticCodeInfo } from "./types.js";

// BTP0xxx: reading files and limits that protect the machine.
export const generalCodes: DiagnosticCodeInfo[] = [
  {
    code: "BTP0001",
    severity: "error",
    title: "File cannot be read",
    explanation: "The file does not exist, is a directory where a file was expected, or cannot be opened.",
    bad: "btp check protocols/missing.btp",
    fix: "btp check protocols/a3-rate-60c.btp",
    exampleLanguage: "shell",
  },
  {
    code: "BTP0002",
    severity: "error",
    title: "File too large",
    explanation:
      "btp refuses inputs above its size limit (16 MB) so that a wrong path cannot exhaust memory. Protocols are kilobytes.",
    bad: "btp check huge-log-file.csv",
    fix: "btp check my-protocol.btp",
    exampleLanguage: "shell",
  },
  {
    code: "BTP0003",
    severity: "error",
    title: "Too many problems",
    explanation: "After 1,000 diagnostics in one file btp stops listing them; the rest are usually consequences of the first.",
    bad: "(a file with thousands of errors)",
    fix: "(fix the first errors, then check again)",
    exampleLanguage: "text",
  },
  {
    code: "BTP0004",
    severity: "error",
    title: "Not a text file",
    explanation: "The file contains NUL bytes or is not valid UTF-8 text, so it cannot be a btp protocol.",
    bad: "btp check picture.png",
    fix: "btp check protocol.btp",
    exampleLanguage: "shell",
  },
];

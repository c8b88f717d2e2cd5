// Random edits at random places of the bundled protocols, sent as fast as an editor can: the
// server must never crash or stop answering, and once it has caught up its diagnostics must be
// exactly those of `btp check` on the final text.

import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic } from "vscode-languageserver-protocol";
import { checkText } from "../../src/check/index.js";
import type { StdioLanguageClient } from "../../src/lsp/client/stdio-client.js";
import { ROOT, startServer } from "./harness.js";

const PROTOCOLS = ["a03-rate-capability-60c.btp", "a05-symmetric-plating-stripping-25c.btp", "a16-temperature-shock.btp", "b02-cyclic-voltammetry.btp", "lib/paper-a.btp"];
const FRAGMENTS = ["{", "}", "(", "[", '"', "#", "\n", " ", ";", "repeat 3 ", "charge at ", "until 3.9 V", "0.5C", "mA", "param x = ", "\n}\n", "use cell x\n", "€", "\u0000"];

let client: StdioLanguageClient;
let version = 0;

beforeAll(async () => {
  client = startServer(ROOT);
  await client.initialize(pathToFileURL(ROOT).href);
}, 60_000);

afterAll(async () => {
  expect(await client.shutdown()).toBe(0);
});

const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message.split("\n")[0]}`);

describe("btp lsp under random edits", () => {
  it("stays up and ends with the diagnostics of `btp check`", async () => {
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 10 }), insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 5 })) });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PROTOCOLS), fc.array(edit, { minLength: 1, maxLength: 30 }), async (name, edits) => {
        const file = path.join(ROOT, "protocols", name);
        // An unsaved document next to the protocol (so that its imports resolve), never written.
        const filePath = file.replace(/\.btp$/, `.fuzz${++version}.btp`);
        const uri = pathToFileURL(filePath).href;
        const document = TextDocument.create(uri, "btp", 1, readFileSync(file, "utf8"));
        await client.open(uri, document.getText());
        for (const { at, remove, insert } of edits) {
          const text = document.getText();
          const start = at % (text.length + 1);
          const range = { start: document.positionAt(start), end: document.positionAt(Math.min(text.length, start + remove)) };
          TextDocument.update(document, [{ range, text: insert }], document.version + 1);
          await client.change(uri, [{ range, text: insert }]);
        }
        // Still answering, while it catches up.
        const probe = document.positionAt((edits[0]!.at * 7) % (document.getText().length + 1));
        await client.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position: probe });
        await client.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: probe });
        await client.connection.sendRequest("textDocument/documentSymbol", { textDocument: { uri } });
        const shown = await client.diagnosticsAfterCheck(uri, document.version);
        const expected = checkText(document.getText(), filePath).diagnostics.filter((d) => path.resolve(d.span.file) === filePath);
        expect(summary(shown.filter((d) => !d.message.startsWith("in ")))).toEqual(
          expected.map((d) => `${d.span.start.line}:${d.span.start.column} ${d.code} ${d.message}`),
        );
        await client.close(uri);
      }),
      { numRuns: 12 },
    );
    expect(client.logs.filter((log) => log.message.includes("failed"))).toEqual([]);
  }, 300_000);
});

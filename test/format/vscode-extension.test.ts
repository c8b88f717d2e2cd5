// The VS Code extension's manifest agrees with the grammar, the language configuration, the
// packaging script and the client (VS Code itself cannot run here).

import path from "node:path";
import { describe, expect, it } from "vitest";
import { read, repoRoot } from "./helpers.js";

const extensionDir = path.join(repoRoot, "editors/vscode");
const manifest = JSON.parse(read(path.join(extensionDir, "package.json"))) as {
  name: string;
  version: string;
  publisher: string;
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    configuration: { properties: Record<string, unknown> };
  };
};
const script = read(path.join(extensionDir, "scripts/package.mjs"));
const client = read(path.join(extensionDir, "src/extension.ts"));
const grammar = JSON.parse(read(path.join(repoRoot, "grammar/btp.tmLanguage.json"))) as { scopeName: string };

describe("editors/vscode", () => {
  it("declares the btp language for .btp files, with the repository's grammar and configuration", () => {
    const [language] = manifest.contributes.languages;
    expect(language).toMatchObject({ id: "btp", extensions: [".btp"], configuration: "./language-configuration.json" });
    const [textmate] = manifest.contributes.grammars;
    expect(textmate).toMatchObject({ language: "btp", scopeName: grammar.scopeName, path: "./syntaxes/btp.tmLanguage.json" });
    // The packaging script stages grammar/ files at exactly those paths.
    expect(script).toContain('path.join(stage, "syntaxes", "btp.tmLanguage.json")');
    expect(script).toContain('path.join(stage, "language-configuration.json")');
  });

  it("starts on btp files, from the bundled client, with a VS Code the client library supports", () => {
    expect(manifest.activationEvents).toEqual(["onLanguage:btp"]);
    expect(manifest.main).toBe("./dist/extension.js");
    expect(script).toContain('path.join(stage, "dist", "extension.js")');
    expect(manifest.engines.vscode).toBe("^1.91.0");
    expect(manifest.publisher).toMatch(/^[a-z0-9-]+$/);
  });

  it("has the client serve the same language and the settings it reads", () => {
    expect(client).toContain('language: "btp"');
    expect(client).toContain('"dist/server.mjs"');
    expect(script).toContain('path.join(stage, "dist", "server.mjs")');
    expect(Object.keys(manifest.contributes.configuration.properties).sort()).toEqual(["btp.server.path", "btp.trace.server"]);
    expect(client).toContain('get<string>("server.path"');
    // The trace setting's prefix is the client's id.
    expect(client).toContain('new LanguageClient("btp"');
  });

  it("has a README for the marketplace page", () => {
    expect(read(path.join(extensionDir, "README.md"))).toMatch(/^# btp for Visual Studio Code/);
  });
});

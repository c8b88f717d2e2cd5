// `btp lsp --stdio`: the command an editor runs.

import { describe, expect, it } from "vitest";
import { StdioLanguageClient } from "../../src/lsp/client/stdio-client.js";
import { runCli } from "../cli/run-cli.js";
import { BTP_BIN, COIN_CELL, makeProject } from "./harness.js";

describe("btp lsp", () => {
  it("is listed by `btp --help` and describes itself", async () => {
    expect((await runCli(["--help"])).stdout).toMatch(/\blsp\b/);
    const help = await runCli(["lsp", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--stdio");
  });

  it("serves over stdin and stdout, and exits with 0 after shutdown and exit", async () => {
    const project = makeProject({ "cells/coin.btp": COIN_CELL });
    const client = new StdioLanguageClient([BTP_BIN, "lsp", "--stdio"], project.dir);
    try {
      const result = (await client.initialize(project.uri(""))) as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
      expect(result.serverInfo.name).toBe("btp");
      expect(result.capabilities).toMatchObject({ textDocumentSync: 2, hoverProvider: true, renameProvider: { prepareProvider: true } });
      const uri = project.uri("p.btp");
      await client.open(uri, 'use cell "cells/coin.btp"\ncharge at 0.5C\n');
      const diagnostics = await client.diagnosticsAfterCheck(uri, 1);
      expect(diagnostics.map((d) => d.code)).toEqual(["BTP4001"]);
      expect(await client.shutdown()).toBe(0);
      expect(client.stderr).toBe("");
    } finally {
      project.remove();
    }
  });
});

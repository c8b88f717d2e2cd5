// `btp lsp --stdio`: the language server for editors (VS Code, Neovim, …). It speaks the
// Language Server Protocol over stdin and stdout until the editor ends it.

import type { Command } from "commander";
import type { CliContext } from "../context.js";

export function registerLsp(program: Command, ctx: CliContext): void {
  program
    .command("lsp")
    .description("run the language server for editors (diagnostics, hover, completion, rename, formatting)")
    .option("--stdio", "talk Language Server Protocol over stdin and stdout (the default and only transport)")
    .action(async () => {
      // Loaded here so that the other commands do not pay for the server's libraries.
      const { runStdioServer } = await import("../../lsp/stdio.js");
      runStdioServer(ctx.io.stdin, ctx.io.stdout);
      // The server ends the process when the editor says `exit` or closes the streams.
      await new Promise<never>(() => {});
    });
}

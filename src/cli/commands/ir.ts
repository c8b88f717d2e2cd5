// `btp ir <file>`: the normalized protocol as JSON (the waist every back end consumes).

import type { Command } from "commander";
import { collect, parseOverrides, type CliContext } from "../context.js";

export function registerIr(program: Command, ctx: CliContext): void {
  program
    .command("ir")
    .description("print the normalized protocol (JSON IR, SI units)")
    .argument("<file>", "a protocol file, or - for stdin")
    .option("--set <name=value>", "override a param (repeatable)", collect)
    .option("--stdin-filepath <path>", "the name to use for stdin")
    .action(async (file: string, flags: { set?: string[]; stdinFilepath?: string }) => {
      const { overrides, errors } = parseOverrides(flags.set);
      if (errors.length) {
        for (const e of errors) ctx.err(`btp: ${e}\n`);
        return ctx.fail(2);
      }
      const loaded = await ctx.loadProtocol(file, { overrides, stdinName: flags.stdinFilepath });
      ctx.printDiagnostics(loaded.diagnostics, loaded.sources);
      if (!loaded.result) return ctx.fail(2);
      if (!loaded.result.ir) return ctx.fail(1);
      ctx.out(JSON.stringify(loaded.result.ir, null, 2) + "\n");
    });
}

// The btp command line. Each command lives in commands/<name>.ts and registers itself here; the
// CLI is a function of injected streams so tests can drive it without spawning processes.

import { Command, CommanderError } from "commander";
import { CliContext, type CliIo } from "./context.js";
import { registerCheck } from "./commands/check.js";
import { registerExplain } from "./commands/explain.js";
import { registerIr } from "./commands/ir.js";
import { registerCompile } from "./commands/compile.js";
import { registerImport } from "./commands/import.js";
import { registerFmt } from "./commands/fmt.js";
import { registerSimulate } from "./commands/simulate.js";
import { registerLsp } from "./commands/lsp.js";
import { BTP_VERSION } from "./version.js";

export async function main(argv: string[], io: CliIo): Promise<number> {
  const ctx = new CliContext(io);
  const program = new Command("btp")
    .description("btp: battery test protocols — check, explain, compile and simulate")
    .version(BTP_VERSION, "-v, --version")
    .option("--color", "force coloured output")
    .option("--no-color", "never colour output (NO_COLOR is honoured too)")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.out(s),
      writeErr: (s) => ctx.err(s),
    })
    .showHelpAfterError("(run `btp --help` for the commands)")
    .hook("preAction", (cmd) => {
      const opts = cmd.opts<{ color?: boolean }>();
      // commander sets color=false for --no-color and true for --color; undefined if neither.
      if (argv.includes("--color") || argv.includes("--no-color")) ctx.colorFlag = opts.color;
    });

  registerCheck(program, ctx);
  registerExplain(program, ctx);
  registerIr(program, ctx);
  registerCompile(program, ctx);
  registerImport(program, ctx);
  registerFmt(program, ctx);
  registerSimulate(program, ctx);
  registerLsp(program, ctx);

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage mistakes with 2.
      return err.exitCode === 0 ? 0 : 2;
    }
    throw err;
  }
  return ctx.exitCode;
}

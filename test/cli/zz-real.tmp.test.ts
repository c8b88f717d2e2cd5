import { it } from "vitest";
import { runCli } from "./run-cli.js";
it("real", async () => {
  const args = (process.env.ARGS ?? "").split(" ");
  const r = await runCli(args, { cwd: "/work/main" });
  console.log(r.code, "\n", r.stdout.slice(0, 4000), "\n---\n", r.stderr.slice(0, 4000));
});

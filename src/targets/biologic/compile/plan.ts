// The reshaped protocol as EC-Lab techniques, in order. Cycling steps next to each other share
// one Modulo Bat technique, and a loop made only of cycling steps stays inside it as a Loop
// sequence. Open circuit, impedance and sweeps are techniques of their own; a loop around them
// becomes EC-Lab's Loop technique, which goes back to the loop's first technique.

import type { LoopIR, NodeIR, StepIR } from "../../../ir/types.js";
import { isStep } from "../../../ir/types.js";
import { CODES } from "../codes.js";
import { FIRST_SEQUENCE, FIRST_TECHNIQUE, repeatsForPasses } from "../conventions.js";
import type { ModuloBat, Technique } from "../model.js";
import type { CompileContext } from "./context.js";
import { isModuloBatStep, sequencesFor } from "./sequences.js";
import { isTechniqueStep, techniqueFor } from "./techniques.js";

export function planTechniques(body: readonly NodeIR[], ctx: CompileContext): Technique[] {
  const planner = new Planner(ctx);
  planner.nodes(body);
  planner.close();
  return planner.techniques;
}

/** A step that needs Eoc measured right before it must open its technique. */
function startsOwnTechnique(step: StepIR): boolean {
  return step.kind === "constantVoltage" && step.voltage.reference === "ocv";
}

/** Whether a node can live inside one Modulo Bat technique. */
function fitsModuloBat(node: NodeIR): boolean {
  if (isStep(node)) return isModuloBatStep(node) && !startsOwnTechnique(node);
  return node.kind === "loop" && node.body.every(fitsModuloBat);
}

class Planner {
  readonly techniques: Technique[] = [];
  private open: ModuloBat | null = null;

  constructor(private readonly ctx: CompileContext) {}

  nodes(nodes: readonly NodeIR[]): void {
    for (const node of nodes) this.node(node);
  }

  close(): void {
    this.open = null;
  }

  private node(node: NodeIR): void {
    if (node.kind === "loop") {
      if (fitsModuloBat(node)) this.moduloBatLoop(node, this.moduloBat(node));
      else this.loopTechnique(node);
      return;
    }
    if (!isStep(node)) {
      // Groups and cycle actions are reshaped away before planning; a stop guard is refused by
      // the capability table. Nothing to write.
      return;
    }
    if (isModuloBatStep(node)) {
      if (startsOwnTechnique(node)) this.close();
      this.moduloBatStep(node, this.moduloBat(node));
      if (startsOwnTechnique(node)) this.close();
    } else if (isTechniqueStep(node)) {
      this.close();
      this.techniques.push(techniqueFor(node, this.ctx));
    }
    // Other steps (pause, constant power, a temperature set-point during the run) are refused
    // before planning.
  }

  private moduloBat(node: NodeIR): ModuloBat {
    if (this.open === null) {
      this.open = { kind: "moduloBat", sequences: [], span: node.span };
      this.techniques.push(this.open);
    }
    return this.open;
  }

  private moduloBatStep(step: StepIR, technique: ModuloBat): void {
    if (!isModuloBatStep(step)) return;
    const previous = technique.sequences[technique.sequences.length - 1] ?? null;
    technique.sequences.push(...sequencesFor(step, this.ctx, previous, FIRST_SEQUENCE + technique.sequences.length));
  }

  private moduloBatLoop(loop: LoopIR, technique: ModuloBat): void {
    const first = FIRST_SEQUENCE + technique.sequences.length;
    for (const node of loop.body) {
      if (node.kind === "loop") this.moduloBatLoop(node, technique);
      else if (isStep(node)) this.moduloBatStep(node, technique);
    }
    technique.sequences.push({
      control: { type: "Loop", toSequence: first, repeats: repeatsForPasses(loop.count) },
      limits: [],
      records: [],
      currentRange: "Auto",
      span: loop.span,
    });
  }

  private loopTechnique(loop: LoopIR): void {
    this.close();
    const first = FIRST_TECHNIQUE + this.techniques.length;
    this.nodes(loop.body);
    this.close();
    if (this.techniques.length < first) {
      this.ctx.error(CODES.outOfRange, "this loop has nothing EC-Lab can run in it", loop.span);
      return;
    }
    this.techniques.push({ kind: "loop", toTechnique: first, repeats: repeatsForPasses(loop.count), span: loop.span });
  }
}

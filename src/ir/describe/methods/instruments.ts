// Which of the protocol's instruments did what. A methods section names the battery tester for
// the cycling and the electrochemical workstation for EIS, LSV and CV; the IR only lists the
// instruments, so we tell them apart by the vendors' names, and fall back to the only instrument
// there is.

const CYCLER = /\b(land|neware|arbin|maccor|digatron|basytec|bitrode|novonix|cycler|battery test)/i;
const POTENTIOSTAT =
  /\b(chi|ch instruments|bio-?logic|vmp|vsp|sp-\d+|gamry|autolab|metrohm|palmsens|ivium|zahner|solartron|princeton|versastat|parstat|workstation|potentiostat|galvanostat)/i;

export interface InstrumentRoles {
  /** "a LAND CT3002AU battery tester", or null when no instrument is known for cycling. */
  cycler: string | null;
  /** "a CHI760 electrochemical workstation", or null. */
  workstation: string | null;
}

export function instrumentRoles(instruments: readonly string[]): InstrumentRoles {
  const names = instruments.map((name) => name.trim()).filter((name) => name !== "");
  const cyclers = names.filter((name) => CYCLER.test(name) && !POTENTIOSTAT.test(name));
  const workstations = names.filter((name) => POTENTIOSTAT.test(name));
  const only = names.length === 1 ? names[0]! : null;
  // A potentiostat can cycle a cell too, so a lone workstation is also the cycler.
  const cycler = cyclers[0] ?? (workstations.length === names.length ? (workstations[0] ?? null) : only);
  const workstation = workstations[0] ?? only;
  return {
    cycler:
      cycler === null
        ? null
        : nameWithRole(cycler, CYCLER.test(cycler) ? "battery tester" : "electrochemical workstation"),
    workstation: workstation === null ? null : nameWithRole(workstation, "electrochemical workstation"),
  };
}

/** "LAND CT3002AU" → "a LAND CT3002AU battery tester"; a name that already says what it is
 * ("Land testing system", "CHI 660E workstation") keeps its own words. */
function nameWithRole(name: string, role: string): string {
  const saysWhatItIs = /(tester|test system|testing system|cycler|workstation|potentiostat|galvanostat)\s*$/i.test(
    name,
  );
  const phrase = saysWhatItIs ? name : `${name} ${role}`;
  return /^[aeiou]/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}

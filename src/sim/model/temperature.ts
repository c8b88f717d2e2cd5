// How the parameters move with temperature. Conductivity and exchange currents follow Arrhenius;
// the diffusion times follow Vogel–Tammann–Fulcher, which the rate tables of [P1] at −20 °C and
// 60 °C need (a plain Arrhenius law cannot be slow enough at −20 °C and fast enough at 60 °C).

/** Below −25 °C the VTF law runs towards its divergence at T0; it is continued with its local
 * Arrhenius slope instead. */
const VTF_CONTINUATION = 248.15;

/** θ(T): the factor on the diffusion time constants, 1 at the reference temperature. */
export function diffusionSlowdown(kelvin: number, vtf: number, zeroKelvin: number, referenceKelvin: number): number {
  if (vtf === 0) return 1;
  const atReference = vtf / (referenceKelvin - zeroKelvin);
  const cut = Math.max(VTF_CONTINUATION, zeroKelvin + 5);
  if (kelvin >= cut) return Math.exp(vtf / (kelvin - zeroKelvin) - atReference);
  // d lnθ / d(1/T) at the cut, continued linearly in 1/T.
  const slope = (vtf * cut * cut) / ((cut - zeroKelvin) * (cut - zeroKelvin));
  return Math.exp(vtf / (cut - zeroKelvin) - atReference + slope * (1 / kelvin - 1 / cut));
}

// Physical constants (CODATA exact values where they exist) shared by the cell models.

/** J/(mol·K) */
export const GAS_CONSTANT = 8.314462618;
/** C/mol */
export const FARADAY = 96485.33212;
/** F/m */
export const VACUUM_PERMITTIVITY = 8.8541878128e-12;
/** K: 0 °C. */
export const ZERO_CELSIUS = 273.15;
/** K: 25 °C, where the parameter sets are referenced. */
export const ROOM_TEMPERATURE = 298.15;

/** RT/F in volts: 25.69 mV at 25 °C. */
export function thermalVoltage(kelvin: number): number {
  return (GAS_CONSTANT * kelvin) / FARADAY;
}

/** exp(−Ea/R·(1/T − 1/Tref)): how much faster a thermally activated process runs at T than at Tref. */
export function arrhenius(activationEnergy: number, kelvin: number, referenceKelvin: number): number {
  return Math.exp((-activationEnergy / GAS_CONSTANT) * (1 / kelvin - 1 / referenceKelvin));
}

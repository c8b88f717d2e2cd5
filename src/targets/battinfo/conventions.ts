// Every BattINFO convention btp relies on, in one place. The record is the BattINFO
// "test-protocol" JSON of BIG-MAP/BattINFO (schema 0.2.0; samples in
// /work/shared/vendor-samples/battinfo/test-protocol-*.json): an identity (`test_spec`), an
// ordered typed `method` of steps with groups for loops, `conditions`, `record`, `safety`,
// `artifacts`, `provenance` and derived `facets`. See docs/targets/battinfo.md.

import { formatNumber } from "../../units/format.js";

export const SCHEMA_VERSION = "0.2.0";
/** A test protocol's IRI is this base plus four groups of four Crockford base-32 characters. */
export const SPEC_IRI_BASE = "https://w3id.org/battinfo/spec/";
/** Crockford's base 32 in lower case: digits and letters without i, l, o and u. */
export const CROCKFORD_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
/** The record's short id is the first six characters of the id (as in the samples). */
export const SHORT_ID_LENGTH = 6;

export const FILE_SUFFIX = ".battinfo.json";
/** JSON: UTF-8, two-space indentation, LF, a final newline. */
export const INDENT = 2;
export const LINE_ENDING = "\n";

/** The record is written by btp from a protocol file someone wrote by hand. */
export const SOURCE_TYPE = "manual";
/** BattINFO asks when the source was captured (Unix seconds). btp writes no clock time, so that
 * the same protocol always gives the same record; 0 says "not recorded". */
export const RETRIEVED_AT = 0;
export const SOURCE_FORMAT = "btp";
export const SOURCE_MEDIA_TYPE = "text/plain";

/** Units as the samples write them. */
export const UNIT = {
  cRate: "A/Ah",
  current: "mA",
  currentDensity: "mA/cm2",
  specificCurrent: "mA/g",
  power: "mW",
  voltage: "V",
  seconds: "s",
  celsius: "degC",
  hertz: "Hz",
  amplitudeVoltage: "mV",
  amplitudeCurrent: "mA",
  count: "count",
  capacity: "mAh",
  scanRate: "mV/s",
} as const;

/** The test kinds BattINFO's schema lists that btp can tell apart from a protocol's steps. */
export type TestKind = "cycling" | "rate_capability" | "eis" | "cyclic_voltammetry" | "characterization" | "other";

/** A number as the record writes it: decimal residue removed (0.147, not 0.14700000000000002). */
export function num(x: number): number {
  return Number(formatNumber(x));
}

export function celsius(kelvin: number): number {
  return num(kelvin - 273.15);
}

// Built-in instrument channel profiles: the ranges a channel can control, from the makers'
// published specifications. Each entry names where its numbers come from; docs/profiles.md
// cites the pages. Labs buy channels in several current ranges, so each profile names the variant
// it describes, and a lab with another variant declares its own profile as JSON
// (`btp compile --profile my-channel.json`, see docs/profiles.md).

import type { InstrumentProfile } from "../target.js";

export const BUILT_IN_PROFILES: readonly InstrumentProfile[] = [
  {
    id: "land-ct3002a",
    name: "LAND CT3002A (5 V, 10 mA channel)",
    target: "land",
    voltage: { min: 0, max: 5 },
    maxCurrent: 10e-3,
    minCurrent: 1e-6,
    source:
      "Wuhan LAND Electronic CT3002A specification, 5 V / 10 mA channel variant (the coin-cell variant; the CT2001A files decoded in research/cycler-formats.md are 5 V / 10 mA too)",
  },
  {
    id: "land-ct3002au",
    name: "LAND CT3002AU (5 V, 10 mA channel)",
    target: "land",
    voltage: { min: 0, max: 5 },
    maxCurrent: 10e-3,
    minCurrent: 1e-6,
    source: "Wuhan LAND Electronic CT3002AU specification, 5 V / 10 mA channel variant",
  },
  {
    id: "neware-bts4000",
    name: "Neware BTS4000 (5 V, 6 A channel)",
    target: "neware",
    voltage: { min: 0, max: 5 },
    maxCurrent: 6,
    minCurrent: 5e-3,
    source:
      "Neware BTS4000 series specification, 5 V / 6 A channel variant (the series is sold in current variants from milliamps to tens of amps)",
  },
  {
    id: "arbin-lbt",
    name: "Arbin LBT21084 (5 V, 5 A channel)",
    target: "arbin",
    voltage: { min: 0, max: 5 },
    maxCurrent: 5,
    minCurrent: 1e-4,
    source: "Arbin Instruments LBT series specification, 5 V / 5 A channel variant with four current ranges",
  },
  {
    id: "maccor-4000",
    name: "Maccor Series 4000 (5 V, 5 A channel)",
    target: "maccor",
    voltage: { min: 0, max: 5 },
    maxCurrent: 5,
    minCurrent: 1.5e-4,
    source: "Maccor Series 4000 specification, 0–5 V / 5 A standard channel with four current ranges",
  },
  {
    id: "biologic-vmp3e",
    name: "BioLogic VMP-3e (±10 V, 400 mA channel)",
    target: "biologic",
    voltage: { min: -10, max: 10 },
    maxCurrent: 0.4,
    minCurrent: 1e-8,
    frequency: { min: 10e-6, max: 1e6 },
    source:
      "BioLogic VMP-3e specification: ±10 V control, ±400 mA standard channel, lowest range 10 µA, EIS 10 µHz–1 MHz with the impedance option",
  },
  {
    id: "chi-760e",
    name: "CH Instruments 760E",
    target: "chi",
    voltage: { min: -10, max: 10 },
    maxCurrent: 0.25,
    frequency: { min: 1e-5, max: 1e6 },
    source:
      "CH Instruments Model 700E series specifications: potential ±10 V, current ±250 mA, AC impedance 0.00001 Hz–1 MHz (potential and frequency limits also in the hardpotato CHI driver)",
  },
  {
    id: "chi-660e",
    name: "CH Instruments 660E",
    target: "chi",
    voltage: { min: -10, max: 10 },
    maxCurrent: 0.25,
    frequency: { min: 1e-5, max: 1e6 },
    source:
      "CH Instruments Model 600E series specifications: potential ±10 V, current ±250 mA, AC impedance 0.00001 Hz–1 MHz",
  },
];

export function findBuiltInProfile(id: string): InstrumentProfile | undefined {
  const wanted = id.trim().toLowerCase();
  return BUILT_IN_PROFILES.find((p) => p.id === wanted);
}

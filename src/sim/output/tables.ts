// The columns of every output table, defined once: the CSV writer prints `label` and the text;
// the JSON writer uses `key` (BDF machine-readable style) and the same text read back as a number,
// so both formats carry exactly the same, noise-free values. Units follow BDF: s, V, A, Ah, Wh, °C.

import type { CycleSummary, EisPoint, EisSpectrum, StepRecord, TraceRow } from "../types.js";
import { fixed, significant } from "./number-format.js";

const AH = 3600; // C per Ah
const WH = 3600; // J per Wh
const ZERO_CELSIUS = 273.15;

export const formatTime = (s: number): string => fixed(s, 4);
export const formatVolts = (v: number): string => fixed(v, 6);
export const formatAmps = (a: number): string => significant(a, 7);
export const formatAmpHours = (coulombs: number): string => fixed(coulombs / AH, 12);
export const formatWattHours = (joules: number): string => significant(joules / WH, 10);
export const formatCelsius = (kelvin: number): string => fixed(kelvin - ZERO_CELSIUS, 3);
export const formatPercent = (fraction: number): string => fixed(fraction * 100, 6);

function optional(x: number | null, format: (v: number) => string): string {
  return x === null || !Number.isFinite(x) ? "" : format(x);
}

export interface Column<T> {
  label: string;
  key: string;
  /** Text columns are quoted in CSV and strings in JSON; the others are numbers ("" = missing). */
  text?: boolean;
  format: (row: T) => string;
}

export const TRACE_COLUMNS: Column<TraceRow>[] = [
  { label: "Test Time / s", key: "test_time_second", format: (r) => formatTime(r.time) },
  { label: "Voltage / V", key: "voltage_volt", format: (r) => formatVolts(r.voltage) },
  { label: "Current / A", key: "current_ampere", format: (r) => formatAmps(r.current) },
  { label: "Cycle Count / 1", key: "cycle_count", format: (r) => String(r.cycle) },
  { label: "Step Count / 1", key: "step_count", format: (r) => String(r.step) },
  { label: "Step ID", key: "step_id", text: true, format: (r) => r.stepId },
  { label: "Step Type", key: "step_type", text: true, format: (r) => r.stepType },
  { label: "Charging Capacity / Ah", key: "charging_capacity_ampere_hour", format: (r) => formatAmpHours(r.chargeCapacity) },
  { label: "Discharging Capacity / Ah", key: "discharging_capacity_ampere_hour", format: (r) => formatAmpHours(r.dischargeCapacity) },
  { label: "Ambient Temperature / degC", key: "ambient_temperature_celsius", format: (r) => formatCelsius(r.ambientTemperature) },
];

export const STEP_COLUMNS: Column<StepRecord>[] = [
  { label: "Step Count / 1", key: "step_count", format: (s) => String(s.step) },
  { label: "Step ID", key: "step_id", text: true, format: (s) => s.stepId },
  { label: "Label", key: "label", text: true, format: (s) => s.label ?? "" },
  { label: "Step Type", key: "step_type", text: true, format: (s) => s.stepType },
  { label: "Cycle Count / 1", key: "cycle_count", format: (s) => String(s.cycle) },
  { label: "Start Time / s", key: "start_time_second", format: (s) => formatTime(s.startTime) },
  { label: "End Time / s", key: "end_time_second", format: (s) => formatTime(s.endTime) },
  { label: "Duration / s", key: "duration_second", format: (s) => formatTime(s.endTime - s.startTime) },
  { label: "End Reason", key: "end_reason", text: true, format: (s) => s.endReason },
  { label: "End Condition", key: "end_condition", text: true, format: (s) => s.endCondition },
  { label: "Start Voltage / V", key: "start_voltage_volt", format: (s) => optional(s.startVoltage, formatVolts) },
  { label: "End Voltage / V", key: "end_voltage_volt", format: (s) => optional(s.endVoltage, formatVolts) },
  { label: "Start Current / A", key: "start_current_ampere", format: (s) => optional(s.startCurrent, formatAmps) },
  { label: "End Current / A", key: "end_current_ampere", format: (s) => optional(s.endCurrent, formatAmps) },
  { label: "Charging Capacity / Ah", key: "charging_capacity_ampere_hour", format: (s) => formatAmpHours(s.chargeCapacity) },
  { label: "Discharging Capacity / Ah", key: "discharging_capacity_ampere_hour", format: (s) => formatAmpHours(s.dischargeCapacity) },
  { label: "Charging Energy / Wh", key: "charging_energy_watt_hour", format: (s) => formatWattHours(s.chargeEnergy) },
  { label: "Discharging Energy / Wh", key: "discharging_energy_watt_hour", format: (s) => formatWattHours(s.dischargeEnergy) },
  { label: "Ambient Temperature / degC", key: "ambient_temperature_celsius", format: (s) => formatCelsius(s.ambientTemperature) },
  { label: "Cell Temperature / degC", key: "cell_temperature_celsius", format: (s) => formatCelsius(s.cellTemperature) },
  {
    label: "Model State",
    key: "model_state",
    text: true,
    format: (s) =>
      Object.entries(s.state)
        .filter(([, v]) => Number.isFinite(v))
        .map(([k, v]) => `${k}=${significant(v, 8)}`)
        .join(";"),
  },
];

/** Cycle columns; specific capacities need the active mass (kg), empty without one. */
export function cycleColumns(activeMass: number | null): Column<CycleSummary>[] {
  const perGram = (coulombs: number): string => (activeMass ? fixed(coulombs / 3.6 / (activeMass * 1000), 6) : "");
  return [
    { label: "Cycle Count / 1", key: "cycle_count", format: (c) => String(c.cycle) },
    { label: "Start Time / s", key: "start_time_second", format: (c) => formatTime(c.startTime) },
    { label: "End Time / s", key: "end_time_second", format: (c) => formatTime(c.endTime) },
    { label: "Charging Capacity / Ah", key: "charging_capacity_ampere_hour", format: (c) => formatAmpHours(c.chargeCapacity) },
    { label: "Discharging Capacity / Ah", key: "discharging_capacity_ampere_hour", format: (c) => formatAmpHours(c.dischargeCapacity) },
    {
      label: "Specific Charging Capacity / mAh/g",
      key: "specific_charging_capacity_milliampere_hour_per_gram",
      format: (c) => perGram(c.chargeCapacity),
    },
    {
      label: "Specific Discharging Capacity / mAh/g",
      key: "specific_discharging_capacity_milliampere_hour_per_gram",
      format: (c) => perGram(c.dischargeCapacity),
    },
    {
      label: "Coulombic Efficiency / %",
      key: "coulombic_efficiency_percent",
      format: (c) => optional(c.coulombicEfficiency, formatPercent),
    },
    { label: "Charging Energy / Wh", key: "charging_energy_watt_hour", format: (c) => formatWattHours(c.chargeEnergy) },
    { label: "Discharging Energy / Wh", key: "discharging_energy_watt_hour", format: (c) => formatWattHours(c.dischargeEnergy) },
    { label: "Mean Charging Voltage / V", key: "mean_charging_voltage_volt", format: (c) => optional(c.meanChargeVoltage, formatVolts) },
    {
      label: "Mean Discharging Voltage / V",
      key: "mean_discharging_voltage_volt",
      format: (c) => optional(c.meanDischargeVoltage, formatVolts),
    },
    { label: "End of Charge Voltage / V", key: "end_of_charge_voltage_volt", format: (c) => optional(c.endOfChargeVoltage, formatVolts) },
    {
      label: "End of Discharge Voltage / V",
      key: "end_of_discharge_voltage_volt",
      format: (c) => optional(c.endOfDischargeVoltage, formatVolts),
    },
    { label: "Retention / %", key: "retention_percent", format: (c) => optional(c.retention, formatPercent) },
    { label: "Ambient Temperature / degC", key: "ambient_temperature_celsius", format: (c) => formatCelsius(c.ambientTemperature) },
  ];
}

/** One row per frequency: the spectrum's identity, then the point. */
export interface EisRow {
  spectrum: EisSpectrum;
  point: EisPoint;
}

export const EIS_COLUMNS: Column<EisRow>[] = [
  { label: "Step Count / 1", key: "step_count", format: (e) => String(e.spectrum.step) },
  { label: "Step ID", key: "step_id", text: true, format: (e) => e.spectrum.stepId },
  { label: "Cycle Count / 1", key: "cycle_count", format: (e) => String(e.spectrum.cycle) },
  { label: "Test Time / s", key: "test_time_second", format: (e) => formatTime(e.spectrum.time) },
  { label: "Frequency / Hz", key: "frequency_hertz", format: (e) => significant(e.point.frequency, 8) },
  { label: "Real Impedance / ohm", key: "real_impedance_ohm", format: (e) => significant(e.point.real, 8) },
  { label: "Imaginary Impedance / ohm", key: "imaginary_impedance_ohm", format: (e) => significant(e.point.imaginary, 8) },
  { label: "Absolute Impedance / ohm", key: "absolute_impedance_ohm", format: (e) => significant(e.point.modulus, 8) },
  { label: "Phase / deg", key: "phase_degree", format: (e) => fixed(e.point.phase, 4) },
];

/** Whether every number of a row is finite: a row that is not is dropped, never written. */
export function rowIsFinite(r: TraceRow): boolean {
  return (
    Number.isFinite(r.time) &&
    Number.isFinite(r.voltage) &&
    Number.isFinite(r.current) &&
    Number.isFinite(r.chargeCapacity) &&
    Number.isFinite(r.dischargeCapacity) &&
    Number.isFinite(r.ambientTemperature)
  );
}

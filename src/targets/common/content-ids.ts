// Identifiers that vendor files carry (a GUID, a signature) but that mean nothing to the test.
// They are derived from the file's own content, so compiling the same protocol twice gives the
// same bytes (reviewable golden files, reproducible builds) while different protocols still get
// different identifiers. Used by the Neware and Arbin targets.

import { createHash } from "node:crypto";

/** A UUID-shaped identifier (version 5 layout) from a SHA-1 of `content`. */
export function contentUuid(content: string): string {
  const hex = createHash("sha1").update(content, "utf8").digest("hex");
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A 31-bit number from the same hash (for IDs written as integers). */
export function contentNumber(content: string): number {
  const hex = createHash("sha1").update(content, "utf8").digest("hex");
  return parseInt(hex.slice(0, 8), 16) & 0x7fffffff;
}

// Who the record is: an IRI that depends on what the protocol says and nothing else, so that
// compiling the same protocol twice gives the same record, and changing a step (or a --set
// override) gives a new one. The IRI's four groups of four characters are the first 80 bits of
// the SHA-256 of the protocol's IR, in Crockford base 32. Where the protocol file lives and
// where its lines are do not count.

import { createHash } from "node:crypto";
import type { ProtocolIR } from "../../ir/types.js";
import { CROCKFORD_ALPHABET, SHORT_ID_LENGTH, SPEC_IRI_BASE } from "./conventions.js";

export interface RecordIdentity {
  /** "https://w3id.org/battinfo/spec/2k9p-7t4r-3m6x-5n1v" */
  id: string;
  /** "2k9p7t" */
  shortId: string;
  /** "test-protocol:2k9p-7t4r-3m6x-5n1v" */
  identifier: string;
}

export function identityOf(ir: ProtocolIR): RecordIdentity {
  const meaning = JSON.stringify(ir, (key, value) => (key === "span" || key === "source" ? undefined : value));
  const digest = createHash("sha256").update(meaning, "utf8").digest();
  const characters = base32(digest.subarray(0, 10));
  const tail = characters.match(/.{4}/g)!.join("-");
  return {
    id: `${SPEC_IRI_BASE}${tail}`,
    shortId: characters.slice(0, SHORT_ID_LENGTH),
    identifier: `test-protocol:${tail}`,
  };
}

/** 10 bytes → 16 characters (5 bits each). */
function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

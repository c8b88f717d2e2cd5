// Writing ASCII text straight into a byte buffer. The trace of a 10,000-cycle test is a million
// rows; building a string per number and joining them costs more than the simulation itself
// (mostly in garbage collection), so the trace writer puts digits into bytes directly and the
// buffer goes to the file when full. Numbers are rounded to a fixed number of decimals and
// trailing zeros are dropped, as `fixed` in number-format.ts does, so the text is identical.

import { closeSync, openSync, writeSync } from "node:fs";

const CAPACITY = 1 << 20;
const POWERS = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const DIGIT_0 = 48;
const MINUS = 45;
const POINT = 46;

export class ByteWriter {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(CAPACITY);
  private position = 0;
  private readonly digits = new Uint8Array(24);

  constructor(readonly path: string) {
    this.fd = openSync(path, "w");
  }

  /** Makes room for `n` more bytes. */
  private room(n: number): void {
    if (this.position + n > CAPACITY) this.flush();
  }

  flush(): void {
    if (this.position > 0) writeSync(this.fd, this.buffer, 0, this.position);
    this.position = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  /** Bytes prepared once (a header, the columns that repeat within a step). */
  bytes(data: Uint8Array): void {
    if (data.length > CAPACITY) {
      this.flush();
      writeSync(this.fd, data);
      return;
    }
    this.room(data.length);
    this.buffer.set(data, this.position);
    this.position += data.length;
  }

  byte(code: number): void {
    this.room(1);
    this.buffer[this.position++] = code;
  }

  /** `x` rounded to `decimals` places without trailing zeros; falls back to text for huge values. */
  fixed(x: number, decimals: number): void {
    const scaled = Math.round(x * POWERS[decimals]!);
    if (!Number.isSafeInteger(scaled)) {
      this.bytes(Buffer.from(String(Number(x.toPrecision(15))), "latin1"));
      return;
    }
    this.room(24);
    if (scaled === 0) {
      this.buffer[this.position++] = DIGIT_0;
      return;
    }
    let n = scaled < 0 ? -scaled : scaled;
    // Digits, least significant first.
    let count = 0;
    while (n > 0) {
      const next = Math.floor(n / 10);
      this.digits[count++] = n - next * 10;
      n = next;
    }
    let skip = 0;
    while (skip < decimals && this.digits[skip] === 0) skip++;
    const buffer = this.buffer;
    let p = this.position;
    if (scaled < 0) buffer[p++] = MINUS;
    // Integer part (at least one digit).
    if (count <= decimals) buffer[p++] = DIGIT_0;
    else for (let i = count - 1; i >= decimals; i--) buffer[p++] = DIGIT_0 + this.digits[i]!;
    if (skip < decimals) {
      buffer[p++] = POINT;
      for (let i = decimals - 1; i >= skip; i--) buffer[p++] = i < count ? DIGIT_0 + this.digits[i]! : DIGIT_0;
    }
    this.position = p;
  }
}

/** ASCII bytes of a string (for the cached parts of a row). */
export function ascii(text: string): Uint8Array {
  return Buffer.from(text, "latin1");
}

// The edits made to a document since its last full check. A check takes longer than a
// keystroke, so its diagnostics, hovers and symbols describe an older text; this log carries
// their positions over to the text the user sees now. A place whose text was edited since is
// not carried over (its old facts may no longer hold).

export interface TextChange {
  /** The document version this change produced. */
  version: number;
  /** Offsets in the text before the change: the replaced range [start, oldEnd). */
  start: number;
  oldEnd: number;
  /** Length of the text that replaced it. */
  newLength: number;
}

export class EditLog {
  private changes: TextChange[] = [];

  record(change: TextChange): void {
    this.changes.push(change);
  }

  /** Drops the changes up to and including `version` (a check of that version has arrived). */
  forgetThrough(version: number): void {
    this.changes = this.changes.filter((change) => change.version > version);
  }

  /** The range [start, end) of the text at `version`, in today's text; null when edited since. */
  rangeToCurrent(start: number, end: number, version: number): { start: number; end: number } | null {
    let s = start;
    let e = end;
    for (const change of this.changes) {
      if (change.version <= version) continue;
      const delta = change.newLength - (change.oldEnd - change.start);
      if (e <= change.start) continue;
      if (s >= change.oldEnd) {
        s += delta;
        e += delta;
        continue;
      }
      return null;
    }
    return { start: s, end: e };
  }

  /** Today's offset in the text at `version`; null when it lies in text typed since. */
  offsetAtVersion(offset: number, version: number): number | null {
    let o = offset;
    for (let i = this.changes.length - 1; i >= 0; i--) {
      const change = this.changes[i]!;
      if (change.version <= version) break;
      const newEnd = change.start + change.newLength;
      if (o <= change.start) continue;
      if (o >= newEnd) {
        o -= change.newLength - (change.oldEnd - change.start);
        continue;
      }
      return null;
    }
    return o;
  }

  get size(): number {
    return this.changes.length;
  }
}

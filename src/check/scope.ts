// Names visible at a point of the protocol: params (global), the parameters of the sequence
// being called, and sweep variables. Inner scopes hide outer ones.

import type { Value } from "./values.js";

export interface Binding {
  value: Value;
  /** Index of the definition in the symbol index (null for names with no source, e.g. none). */
  definition: number | null;
}

export class Scope {
  private readonly bindings = new Map<string, Binding>();

  /** For params: names declared further down, so that a forward reference gets its own message. */
  declaredLater: ((name: string) => boolean) | null = null;

  constructor(readonly parent: Scope | null = null) {}

  define(name: string, binding: Binding): void {
    this.bindings.set(name, binding);
  }

  lookup(name: string): Binding | undefined {
    for (let scope: Scope | null = this; scope !== null; scope = scope.parent) {
      const found = scope.bindings.get(name);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** Every visible name, innermost first, for "did you mean". */
  visibleNames(): string[] {
    const names: string[] = [];
    for (let scope: Scope | null = this; scope !== null; scope = scope.parent) names.push(...scope.bindings.keys());
    return names;
  }

  isDeclaredLater(name: string): boolean {
    for (let scope: Scope | null = this; scope !== null; scope = scope.parent) {
      if (scope.declaredLater?.(name)) return true;
    }
    return false;
  }

  child(): Scope {
    return new Scope(this);
  }
}

import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createFolders, fileInTheWay } from "../../../src/sim/output/folders.js";

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "btp-folders-"));
}

describe("output folders", () => {
  it("creates missing folders and takes back only the ones it made, while empty", () => {
    const dir = tempDir();
    const created = createFolders([path.join(dir, "a/b/c"), path.join(dir, "a/d")]);
    expect(existsSync(path.join(dir, "a/b/c"))).toBe(true);
    expect(existsSync(path.join(dir, "a/d"))).toBe(true);
    writeFileSync(path.join(dir, "a/d/kept.csv"), "x\n");
    created.removeIfEmpty();
    expect(existsSync(path.join(dir, "a/b"))).toBe(false);
    expect(existsSync(path.join(dir, "a/d/kept.csv"))).toBe(true);
    expect(existsSync(dir)).toBe(true);
  });

  it("leaves folders that already existed", () => {
    const dir = tempDir();
    createFolders([dir]).removeIfEmpty();
    expect(existsSync(dir)).toBe(true);
  });

  it("finds a file standing where a folder should be", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "taken"), "x\n");
    expect(fileInTheWay(path.join(dir, "taken/sub/deeper"))).toBe(path.join(dir, "taken"));
    expect(fileInTheWay(path.join(dir, "free/sub"))).toBeNull();
    expect(fileInTheWay(dir)).toBeNull();
    expect(() => createFolders([path.join(dir, "taken/sub")])).toThrow();
  });
});

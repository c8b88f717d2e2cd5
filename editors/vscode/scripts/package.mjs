// Builds the VS Code extension and packages it as a .vsix, offline:
//
//   npm run package:vscode        (from the repository root)
//
// 1. stages the extension in out/vscode/: its package.json and README, the grammar and language
//    configuration from grammar/ (the one copy both the extension and the tests read);
// 2. bundles the client (src/extension.ts → dist/extension.js, CommonJS, as VS Code loads it)
//    and the language server (src/server.ts → dist/server.mjs, the whole btp command line);
// 3. writes out/btp-vscode-<version>.vsix with @vscode/vsce, dependencies already bundled.
//
// Needs the dev dependencies esbuild, @vscode/vsce and vscode-languageclient.

import { copyFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import vsce from "@vscode/vsce";

const extensionDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(extensionDir, "../..");
const stage = path.join(repoRoot, "out", "vscode");
const manifest = JSON.parse(readFileSync(path.join(extensionDir, "package.json"), "utf8"));
const vsixPath = path.join(repoRoot, "out", `${manifest.name}-${manifest.version}.vsix`);

function copy(from, to) {
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to);
}

/** PNG plots need a native module that cannot be bundled; the editor never draws them. */
const noNativePlots = {
  name: "no-native-plots",
  setup(build) {
    build.onResolve({ filter: /^@resvg\/resvg-js$/ }, () => ({ path: "resvg", namespace: "btp-editor-stub" }));
    build.onLoad({ filter: /.*/, namespace: "btp-editor-stub" }, () => ({
      contents:
        "export class Resvg { constructor() { throw new Error('PNG plots are not drawn inside the editor; run `btp simulate` in a terminal'); } }",
      loader: "js",
    }));
  },
};

rmSync(stage, { recursive: true, force: true });
copy(path.join(extensionDir, "package.json"), path.join(stage, "package.json"));
copy(path.join(extensionDir, "README.md"), path.join(stage, "README.md"));
copy(path.join(repoRoot, "grammar", "btp.tmLanguage.json"), path.join(stage, "syntaxes", "btp.tmLanguage.json"));
copy(path.join(repoRoot, "grammar", "language-configuration.json"), path.join(stage, "language-configuration.json"));

const common = { bundle: true, platform: "node", target: "node20", sourcemap: false, minify: false, logLevel: "warning" };

await esbuild.build({
  ...common,
  entryPoints: [path.join(extensionDir, "src", "extension.ts")],
  outfile: path.join(stage, "dist", "extension.js"),
  format: "cjs",
  external: ["vscode"],
});

await esbuild.build({
  ...common,
  entryPoints: [path.join(extensionDir, "src", "server.ts")],
  outfile: path.join(stage, "dist", "server.mjs"),
  format: "esm",
  plugins: [noNativePlots],
  // CommonJS dependencies bundled into an ES module still call require() for Node's modules.
  banner: { js: "import { createRequire as __btpCreateRequire } from 'node:module'; const require = __btpCreateRequire(import.meta.url);" },
});

await vsce.createVSIX({
  cwd: stage,
  packagePath: vsixPath,
  dependencies: false,
  allowMissingRepository: true,
  skipLicense: true,
});

process.stdout.write(`${path.relative(repoRoot, vsixPath)}\n`);

// The VS Code side of btp: starts the btp language server and connects it to .btp files.
// Highlighting and brackets come from the grammar and language configuration in package.json;
// everything else (diagnostics, completion, hover, formatting) comes from the server.
//
// The server is the one bundled with the extension (dist/server.mjs, run with VS Code's own
// Node), unless the setting `btp.server.path` names a btp program to run as `btp lsp --stdio`.

import { window, workspace, type ExtensionContext } from "vscode";
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

function serverOptions(context: ExtensionContext): ServerOptions {
  const program = workspace.getConfiguration("btp").get<string>("server.path", "").trim();
  if (program !== "") {
    // The client adds `--stdio` for this transport.
    return { command: program, args: ["lsp"], transport: TransportKind.stdio };
  }
  const module = context.asAbsolutePath("dist/server.mjs");
  return {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };
}

const clientOptions: LanguageClientOptions = {
  documentSelector: [
    { scheme: "file", language: "btp" },
    { scheme: "untitled", language: "btp" },
  ],
};

async function start(context: ExtensionContext): Promise<void> {
  client = new LanguageClient("btp", "btp language server", serverOptions(context), clientOptions);
  try {
    await client.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void window.showErrorMessage(
      `btp: the language server did not start (${reason}). Check the setting btp.server.path, or clear it to use the bundled server.`,
    );
  }
}

export async function activate(context: ExtensionContext): Promise<void> {
  context.subscriptions.push(
    workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration("btp.server.path")) return;
      await client?.stop();
      await start(context);
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

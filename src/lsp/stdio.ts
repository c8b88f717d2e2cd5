// `btp lsp --stdio`: the language server on a pair of streams (the process's stdin and stdout
// when an editor starts it).

import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer, type ServerOptions } from "./server.js";

export function runStdioServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, options: ServerOptions = {}): void {
  const connection = createConnection(ProposedFeatures.all, input, output);
  startServer(connection, options);
  connection.listen();
}

// btp's own addition to the Language Server Protocol, shared by the server and its clients.

/** Sent after the diagnostics of a full check: which version was checked and how long the check
 * took. Its `$/` prefix lets clients that do not know it ignore it. Tests and the latency bench
 * use it to tell the diagnostics of a full check from the quick ones sent on each edit. */
export const CHECKED_NOTIFICATION = "$/btp/checked";

export interface CheckedParams {
  uri: string;
  version: number;
  checkMs: number;
}

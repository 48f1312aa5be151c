/**
 * Bad input to a library call or command: a date that does not exist, an unknown code, a negative
 * count. It lives in its own module, free of Node APIs, so the compute code can run in a browser.
 */
export class UsageError extends Error {
  override name = 'UsageError';
  /**
   * A message id and its values, for callers that word messages themselves (the CLI's Vietnamese and
   * English catalogue, cli/messages): the English `message` stays for every other caller.
   */
  readonly id: string | undefined;
  readonly params: Readonly<Record<string, unknown>> | undefined;

  constructor(message: string, detail?: { id: string; params?: Record<string, unknown> }) {
    super(message);
    this.id = detail?.id;
    this.params = detail?.params;
  }
}

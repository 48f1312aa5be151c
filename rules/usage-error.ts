/**
 * Bad input to a library call or command: a date that does not exist, an unknown code, a negative
 * count. It lives in its own module, free of Node APIs, so the compute code can run in a browser.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

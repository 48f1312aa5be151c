/**
 * Fault injection for the hostile tests: `TTHC_FAULT=<point>` kills the process with SIGKILL at that
 * point of a write (a crash there, not an exception), so the tests can check what the next command
 * finds and repairs. Unset, it does nothing.
 */
export function faultPoint(point: string): void {
  if (process.env.TTHC_FAULT === point) process.kill(process.pid, 'SIGKILL');
}

/** Like faultPoint, but a failure rather than a crash: `TTHC_FAULT=<point>` throws there. */
export function failPoint(point: string): void {
  if (process.env.TTHC_FAULT === point) throw new Error(`injected failure at ${point} (TTHC_FAULT)`);
}

import { rmSync } from 'node:fs';

/**
 * What a build removes when it is interrupted (SIGINT, SIGTERM): its staging folder and its lock on
 * the output, registered while they exist. The CLI installs the handlers (installInterruptHandlers);
 * the library only registers paths, so an embedding program that handles signals itself can call
 * cleanUpInterruptedBuilds. The steps that change the output folder (the swap, applying a journal)
 * run with interrupts deferred: a signal then takes effect once they are done, so an interrupted
 * build leaves the previous output or the new one, never a part of either.
 */
const paths = new Set<string>();
let deferring = 0;
let pending: NodeJS.Signals | undefined;
let onSignal: ((signal: NodeJS.Signals) => void) | undefined;

/** Registers a path to remove if the build is interrupted; the returned function unregisters it. */
export function removeOnInterrupt(path: string): () => void {
  paths.add(path);
  return () => void paths.delete(path);
}

/** Removes every registered path now (synchronously: a signal handler exits right after). */
export function cleanUpInterruptedBuilds(): string[] {
  const removed = [...paths];
  for (const p of removed) rmSync(p, { recursive: true, force: true });
  paths.clear();
  return removed;
}

/** Runs a step that must not be cut in two by a signal; one that came meanwhile is handled after it. */
export async function deferInterrupts<T>(step: () => Promise<T>): Promise<T> {
  deferring++;
  try {
    return await step();
  } finally {
    deferring--;
    if (deferring === 0 && pending && onSignal) {
      const signal = pending;
      pending = undefined;
      onSignal(signal);
    }
  }
}

/**
 * Handles SIGINT and SIGTERM for a build: outside a deferred step at once, else right after it,
 * by removing what is registered and calling `exit` (which prints its line and exits). Returns the
 * function that removes the handlers.
 */
export function installInterruptHandlers(exit: (signal: NodeJS.Signals) => void): () => void {
  const handle = (signal: NodeJS.Signals) => {
    if (deferring > 0) {
      pending ??= signal;
      return;
    }
    cleanUpInterruptedBuilds();
    exit(signal);
  };
  onSignal = handle;
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
  return () => {
    process.off('SIGINT', handle);
    process.off('SIGTERM', handle);
    if (onSignal === handle) onSignal = undefined;
  };
}

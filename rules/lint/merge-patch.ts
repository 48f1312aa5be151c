/** JSON Merge Patch (RFC 7396): objects merge recursively, null deletes, anything else replaces. */
export function mergePatch<T>(target: T, patch: unknown): T {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return structuredClone(patch) as T;
  const base: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete base[key];
    else Object.defineProperty(base, key, { value: mergePatch(base[key], value), enumerable: true, writable: true, configurable: true });
  }
  return base as T;
}

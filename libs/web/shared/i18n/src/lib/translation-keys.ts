/** A translation file as `key.path → value` pairs, for parity tests and tooling. */
export function flattenTranslation(tree: unknown, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  if (tree !== null && typeof tree === 'object' && !Array.isArray(tree)) {
    for (const [key, value] of Object.entries(tree)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [nested, leaf] of flattenTranslation(value, path)) entries.set(nested, leaf);
      } else {
        entries.set(path, value);
      }
    }
  }
  return entries;
}

/**
 * Problems that make two translation files unfit to ship together: keys present in one only, and
 * values that are not non-empty strings. Empty when the files are interchangeable.
 */
export function translationParityProblems(files: Record<string, unknown>): string[] {
  const flattened = Object.entries(files).map(([name, tree]) => [name, flattenTranslation(tree)] as const);
  const allKeys = new Set(flattened.flatMap(([, entries]) => [...entries.keys()]));
  const problems: string[] = [];
  for (const [name, entries] of flattened) {
    for (const key of allKeys) {
      if (!entries.has(key)) problems.push(`${name}: missing ${key}`);
    }
    for (const [key, value] of entries) {
      if (typeof value !== 'string' || value.trim() === '') problems.push(`${name}: empty or non-text ${key}`);
    }
  }
  return problems.sort();
}

import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under a store directory, relative to it: no temporary file may outlive a failure. */
export function filesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) {
        walk(path);
      } else {
        found.push(relative(root, path));
      }
    }
  };
  walk(root);
  return found.sort();
}

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/**
 * The folder holding package.json. Found by walking up from this module, so it is
 * the same whether the code runs from src/ (vitest) or from dist/src/ (compiled):
 * cards/ and data/ live at the root, never under dist/.
 */
export function packageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) {
      cachedRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json introuvable au-dessus de ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** A path under the package root, e.g. fromRoot('data', 'referentiels'). */
export function fromRoot(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}

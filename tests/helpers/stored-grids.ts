import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MemberGrid } from '../../src/domain/model.js';

/** Every member grid in a running bot's store folder, read from its files as they are on disk. */
export async function storedGrids(store: string): Promise<MemberGrid[]> {
  const grids: MemberGrid[] = [];
  for (const name of await readdir(store)) {
    if (!name.endsWith('.json')) continue;
    const file = JSON.parse(await readFile(join(store, name), 'utf8')) as { key: string; item: MemberGrid };
    if (file.key.startsWith('grid/')) grids.push(file.item);
  }
  return grids;
}

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time under a path. */
function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((t, name) => Math.max(t, newest(join(path, name))), info.mtimeMs);
}

/**
 * The CLI tests run the built package (lib/), as users do; rebuild it first when the sources
 * behind it changed, so a test never exercises stale JavaScript.
 */
export default function setup(): void {
  const built = 'lib/cli.cjs.cache';
  const stale = !existsSync(built) || ['src/core', 'src/cli', 'package.json', 'scripts/build-lib.mjs'].some((p) => newest(p) > statSync(built).mtimeMs);
  if (!stale) return;
  const r = spawnSync(process.execPath, ['scripts/build-lib.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building lib/ failed (node scripts/build-lib.mjs)');
}

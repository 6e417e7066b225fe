// The chunks of a build in `dir` and how they load one another, from their import statements.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A chunk's static imports (loaded with it) and dynamic ones (loaded on use), as paths in `dir`. */
export function chunkImports(dir: string, file: string): { static: string[]; dynamic: string[] } {
  const code = readFileSync(join(dir, file), 'utf8');
  const names = (re: RegExp) => [...new Set([...code.matchAll(re)].map((m) => join('assets', m[1])))];
  return { static: names(/(?:from|import)\s*"\.\/([^"]+\.js)"/g), dynamic: names(/import\(\s*[`"']\.\/([^`"']+\.js)[`"']\s*\)/g) };
}

/** Every chunk `file` needs before it runs, itself included. */
export function chunkClosure(dir: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const dep of chunkImports(dir, file).static) chunkClosure(dir, dep, seen);
  return seen;
}

/** The format modules the validation worker loads on use, by name (`cloud-config`, `ignition`, …). */
export const workerFormats = (dir: string, worker: string) =>
  chunkImports(dir, worker).dynamic.map((file) => ({ file, name: file.replace(/^assets\/|-[\w-]{8}\.js$/g, '') }));

/** The validation worker's entry chunk, as a path in `dir`, if the build has one. */
export function validationWorker(dir: string): string | undefined {
  const file = readdirSync(join(dir, 'assets')).find((f) => f.startsWith('validate.worker-'));
  return file && join('assets', file);
}

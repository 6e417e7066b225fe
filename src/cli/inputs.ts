import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { inputKind, type InputKind } from '../core';

/** One input named on the command line or found in a directory: its bytes, or why there are none. */
export interface Input {
  file: string;
  bytes?: Uint8Array;
  error?: string;
}

/** Plain words for the errors a user can fix. */
const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'not a directory (a part of the path is a file)',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

export const readErrorMessage = (e: unknown): string => {
  const err = e as NodeJS.ErrnoException;
  return (err.code && READ_ERRORS[err.code]) ?? err.message ?? String(e);
};

/**
 * Which files a directory search takes. By name: `user-data`, `user_data`, `userdata`,
 * `cloud-config` and `cloud_config` (any extension), and `*.ign`, `*.bu`. By content, for
 * `*.yaml`, `*.yml`, `*.json`, `*.txt` and `*.conf`: files whose content is one of the formats
 * below. Hidden entries and `node_modules` are skipped.
 */
const USER_DATA_NAME = /^(user[-_]?data|cloud[-_]config)(\..*)?$/i;
const FORMAT_EXTENSIONS = new Set(['.ign', '.bu']);
const SNIFFED_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.txt', '.conf']);
const DISCOVERED_KINDS = new Set<InputKind>(['cloud-config', 'ignition', 'multipart']);

export const takenByName = (name: string): boolean => USER_DATA_NAME.test(name) || FORMAT_EXTENSIONS.has(extname(name).toLowerCase());

async function readInput(file: string): Promise<Input> {
  try {
    return { file, bytes: await readFile(file) };
  } catch (e) {
    return { file, error: readErrorMessage(e) };
  }
}

async function searchDirectory(dir: string, found: Input[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    found.push({ file: dir, error: readErrorMessage(e) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await searchDirectory(path, found);
    else if (entry.isFile() && takenByName(entry.name)) found.push(await readInput(path));
    else if (entry.isFile() && SNIFFED_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
      const input = await readInput(path);
      const text = input.bytes ? new TextDecoder().decode(input.bytes) : '';
      if (input.error || DISCOVERED_KINDS.has(inputKind(text))) found.push(input);
    }
  }
}

/** Reads the inputs named on the command line; directories are searched (see above). */
export async function collectInputs(names: readonly string[], readStdin: () => Promise<Uint8Array>): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const name of names) {
    if (name === '-') {
      inputs.push({ file: '-', bytes: await readStdin() });
      continue;
    }
    const info = await stat(name).catch(() => undefined);
    if (!info?.isDirectory()) {
      inputs.push(await readInput(name));
      continue;
    }
    const before = inputs.length;
    await searchDirectory(name, inputs);
    if (inputs.length === before) inputs.push({ file: name, error: 'no user-data files found in this directory' });
  }
  return inputs;
}

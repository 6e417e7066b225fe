/**
 * Butane's files directory (`butane -d DIR`): `local`, `contents_local`,
 * `ssh_authorized_keys_local` and `storage.trees` read from it. The core touches no file
 * system: the caller hands it a reader, and paths reach the reader already checked to stay
 * inside the directory, relative to it and slash-separated.
 */
import { clean } from '../../go/path';

/** One entry of a tree, as a depth-first walk in name order finds it (Go's filepath.Walk). */
export type TreeEntry =
  | { kind: 'dir'; path: string }
  | { kind: 'file'; path: string; executable: boolean; bytes: Uint8Array }
  | { kind: 'symlink'; path: string; target: string }
  /** Sockets, devices, pipes: trees may not hold them. */
  | { kind: 'other'; path: string }
  /** An entry that could not be read, with the error as Go prints it. */
  | { kind: 'error'; path: string; error: string };

export interface LocalFiles {
  /** The files directory's absolute path, slash-separated and clean: where `..` is judged from. */
  root: string;
  /** A file's bytes, or the error as butane prints it (`open DIR/x: no such file or directory`). */
  readFile(path: string): Uint8Array | { error: string };
  /**
   * The entries under a directory, itself first (path `.`), paths relative to it; `not-directory`
   * when it is something else, or the error of looking it up (`stat DIR/x: ...`).
   */
  walkTree(path: string): TreeEntry[] | 'not-directory' | { error: string };
}

export const ERR_NO_FILES_DIR = 'local file paths are relative to a files directory that must be specified with -d/--files-dir';
export const ERR_FILES_DIR_ESCAPE = 'local file path traverses outside the files directory';
export const ERR_TREE_NOT_DIRECTORY = 'root of tree must be a directory';
export const ERR_FILE_TYPE = 'trees may only contain files, directories, and symlinks';
export const ERR_NODE_EXISTS = 'matching filesystem node has existing contents or different type';

/**
 * A config's local path inside the files directory, as butane's EnsurePathWithinFilesDir
 * judges it: the joined path, cleaned lexically (symbolic links are not followed), must be the
 * directory or under it. Relative to the directory (`.` for itself); undefined when it escapes.
 */
export function withinFilesDir(root: string, configPath: string): string | undefined {
  const joined = clean(`${root}/${configPath}`);
  if (joined === root) return '.';
  const prefix = root === '/' ? '/' : `${root}/`;
  return joined.startsWith(prefix) ? joined.slice(prefix.length) : undefined;
}

/** butane's ReadLocalFile: the bytes, or the error it reports. */
export function readLocalFile(files: LocalFiles | undefined, configPath: string): Uint8Array | { error: string } {
  if (!files) return { error: ERR_NO_FILES_DIR };
  const rel = withinFilesDir(files.root, configPath);
  if (rel === undefined) return { error: ERR_FILES_DIR_ESCAPE };
  return files.readFile(rel);
}

/**
 * `storage.trees`: a directory under the files directory becomes files (mode 0755 when
 * executable, else 0644, unless the config gives one) and links, at the tree's `path`
 * (default `/`). A file the config lists without contents gets them from the tree; any other
 * node already at that path is an error.
 */
import { join } from '../../go/path';
import type { PathStep } from '../ignition/reference-rules';
import { makeDataUrl, type Gzip } from './data-url';
import { ERR_FILE_TYPE, ERR_FILES_DIR_ESCAPE, ERR_NO_FILES_DIR, ERR_NODE_EXISTS, ERR_TREE_NOT_DIRECTORY, withinFilesDir, type LocalFiles } from './local-files';

type Obj = Record<string, unknown>;

export interface TreeError {
  message: string;
  /** storage.trees.N */
  path: PathStep[];
}

/** An Ignition path prefix whose values a tree wrote, and the tree they came from. */
export interface TreeOrigin {
  ignition: PathStep[];
  tree: PathStep[];
}

const notEmpty = (v: unknown) => typeof v === 'string' && v !== '';

/** Adds the trees' files and links to the translated storage; the errors and where each value came from. */
export function addTrees(storage: Obj, trees: Obj[], files: LocalFiles | undefined, gzip: Gzip | undefined): { errors: TreeError[]; origins: TreeOrigin[] } {
  const errors: TreeError[] = [];
  const origins: TreeOrigin[] = [];
  if (!trees.length) return { errors, origins };
  const list = (k: string): Obj[] => (storage[k] ??= []) as Obj[];
  const index = (k: string) => new Map(list(k).map((n, i) => [n.path, i]));
  const fileAt = index('files');
  const dirAt = index('directories');
  const linkAt = index('links');
  const exists = (p: string) => fileAt.has(p) || dirAt.has(p) || linkAt.has(p);
  for (const [t, tree] of trees.entries()) {
    const at: PathStep[] = ['storage', 'trees', t];
    // butane stops at the first tree when there is no files directory.
    if (!files) {
      errors.push({ message: ERR_NO_FILES_DIR, path: at });
      break;
    }
    const base = withinFilesDir(files.root, String(tree.local ?? ''));
    if (base === undefined) {
      errors.push({ message: ERR_FILES_DIR_ESCAPE, path: at });
      continue;
    }
    const walked = files.walkTree(base);
    if (walked === 'not-directory' || 'error' in walked) {
      errors.push({ message: walked === 'not-directory' ? ERR_TREE_NOT_DIRECTORY : walked.error, path: at });
      continue;
    }
    const destBase = notEmpty(tree.path) ? (tree.path as string) : '/';
    for (const entry of walked) {
      const dest = join(destBase, entry.path);
      if (entry.kind === 'dir') continue;
      if (entry.kind === 'error' || entry.kind === 'other') {
        errors.push({ message: entry.kind === 'error' ? entry.error : ERR_FILE_TYPE, path: at });
        continue;
      }
      const kind = entry.kind === 'file' ? 'files' : 'links';
      const byPath = entry.kind === 'file' ? fileAt : linkAt;
      let i = byPath.get(dest);
      let node: Obj;
      if (i !== undefined) {
        node = list(kind)[i];
        const filled = entry.kind === 'file' ? notEmpty((node.contents as Obj | undefined)?.source) : notEmpty(node.target);
        if (filled) {
          errors.push({ message: ERR_NODE_EXISTS, path: at });
          continue;
        }
      } else {
        if (exists(dest)) {
          errors.push({ message: ERR_NODE_EXISTS, path: at });
          continue;
        }
        i = list(kind).length;
        node = { path: dest };
        list(kind).push(node);
        byPath.set(dest, i);
        origins.push({ ignition: ['storage', kind, i], tree: at });
      }
      if (entry.kind === 'symlink') {
        node.target = entry.target;
        origins.push({ ignition: ['storage', kind, i, 'target'], tree: at });
        continue;
      }
      const contents = (node.contents ??= {}) as Obj;
      const url = makeDataUrl(entry.bytes, contents.compression as string | undefined, gzip);
      contents.source = url.source;
      if (url.compression !== undefined) contents.compression = url.compression;
      origins.push({ ignition: ['storage', kind, i, 'contents'], tree: at });
      if (node.mode === undefined) {
        node.mode = entry.executable ? 0o755 : 0o644;
        origins.push({ ignition: ['storage', kind, i, 'mode'], tree: at });
      }
    }
  }
  return { errors, origins };
}

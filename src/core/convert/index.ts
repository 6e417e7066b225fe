import { LineIndex } from '../text/line-index';
import type { Finding } from '../types';
import { validate } from '../validate';
import { buildTreeFromLibyaml } from '../yaml/libyaml/tree';
import { emitButane } from './butane';
import { toIgnition, type IgnitionConfig } from './ignition';
import type { Note } from './notes';
import { readCloudConfig } from './read';
import { DEFAULT_PLATFORM, type Platform } from './substitutions';

export { PLATFORMS, DEFAULT_PLATFORM, type Platform } from './substitutions';
export type { IgnitionConfig } from './ignition';

export interface ConvertOptions {
  /** Whose coreos-metadata variables replace $private_ipv4 and the others (default ec2). */
  platform?: Platform;
}

export interface Conversion {
  /** The Butane config (variant flatcar), or '' when the source has errors. */
  butane: string;
  /** The Ignition config it translates to, or null when the source has errors. */
  ignition: IgnitionConfig | null;
  /** What was not carried over as it was, at its place in the cloud-config. */
  notes: Finding[];
  /** The source's errors (the default rule set, target flatcar); nothing is converted then. */
  errors: Finding[];
}

function toFinding(lines: LineIndex, n: Note): Finding {
  const a = lines.position(n.range[0]);
  const b = lines.position(n.range[1]);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, from: n.range[0], to: n.range[1], kind: n.kind, message: n.message, rule: n.rule };
}

/**
 * A cloud-config as a Butane config and its Ignition config. Asynchronous because gzip
 * compression of file contents (CompressionStream) is, in the browser as in Node.
 */
export async function convertCloudConfig(text: string, options: ConvertOptions = {}): Promise<Conversion> {
  const report = validate(text, { rules: 'all', target: 'flatcar' });
  const failed = (errors: Finding[]): Conversion => ({ butane: '', ignition: null, notes: [], errors });
  if (report.kind !== 'cloud-config') {
    return failed([
      { line: 1, column: 1, endLine: 1, endColumn: 1, from: 0, to: 0, kind: 'error', rule: 'convert-input', message: `only a cloud-config converts to Butane; this input is ${report.kind}` },
    ]);
  }
  const errors = report.entries.filter((f) => f.kind === 'error');
  if (errors.length) return failed(errors);
  const tree = buildTreeFromLibyaml(text, 100_000 + text.length, 'go-yaml-v1', 'yaml-v3');
  const { model, notes } = readCloudConfig(text, tree.root, options.platform ?? DEFAULT_PLATFORM);
  const lines = new LineIndex(text);
  return { butane: emitButane(model), ignition: await toIgnition(model), notes: notes.map((n) => toFinding(lines, n)), errors: [] };
}

import type { RuleSetName, Target } from '../core';
import { PLATFORMS, type Platform } from '../core/convert';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'coreos-json';

export interface Args {
  rules: RuleSetName;
  target: Target;
  format: OutputFormat;
  /** Exit 1 when there are more warnings than this (like eslint's option); undefined: no limit. */
  maxWarnings?: number;
  /** Butane's files directory (butane -d): where local, contents_local and trees read from. */
  filesDir?: string;
  inputs: string[];
}

/** What `--to` asks for; what it converts from depends on the input's format. */
export type ConvertTarget = 'butane' | 'ignition';

export interface ConvertArgs {
  to: ConvertTarget;
  /** text: the output on stdout, notes on stderr; json: one JSON object with both. */
  format: 'text' | 'json';
  platform?: Platform;
  /** As for validation: Butane's files directory. */
  filesDir?: string;
  input: string;
}

export type Command = { kind: 'help' } | { kind: 'version' } | { kind: 'validate'; args: Args } | { kind: 'convert'; args: ConvertArgs };

export class UsageError extends Error {}

const CHOICES = {
  '--rules': ['reference', 'all'],
  '--target': ['flatcar', 'coreos'],
  '--format': ['text', 'json', 'sarif', 'coreos-json'],
  '--to': ['butane', 'ignition'],
  '--platform': PLATFORMS,
} as const;

const oneOf = (flag: keyof typeof CHOICES, v: string): string => {
  const allowed: readonly string[] = CHOICES[flag];
  if (allowed.includes(v)) return v;
  const list = allowed.length === 2 ? allowed.join(' or ') : `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}`;
  throw new UsageError(`${flag} must be ${list}, not "${v}"`);
};

/** Reads the command line; throws UsageError with a message that says what is wrong. */
export function parseArgs(argv: readonly string[]): Command {
  let rules: RuleSetName | undefined;
  let target: Target | undefined;
  let format: OutputFormat = 'text';
  let maxWarnings: number | undefined;
  let to: ConvertTarget | undefined;
  let platform: Platform | undefined;
  let filesDir: string | undefined;
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') return { kind: 'help' };
    if (flag === '--version') return { kind: 'version' };
    if (flag === '--rules') rules = oneOf(flag, value()) as RuleSetName;
    else if (flag === '--target') target = oneOf(flag, value()) as Target;
    else if (flag === '--format') format = oneOf(flag, value()) as OutputFormat;
    else if (flag === '--to') to = oneOf(flag, value()) as ConvertTarget;
    else if (flag === '--platform') platform = oneOf(flag, value()) as Platform;
    else if (flag === '--files-dir' || flag === '-d') {
      filesDir = value();
      if (filesDir === '') throw new UsageError(`${flag} needs a directory`);
    }
    else if (flag === '--max-warnings') {
      const v = value();
      if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings must be a whole number of warnings (0 or more), not "${v}"`);
      maxWarnings = Number(v);
    } else if (flag === '--') {
      inputs.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else inputs.push(arg);
  }
  if (inputs.length === 0) throw new UsageError('no input files (use - for standard input)');
  if (to) return { kind: 'convert', args: { ...convertArgs(to, format, platform, { rules, target, maxWarnings, inputs }), ...(filesDir !== undefined && { filesDir }) } };
  if (platform) throw new UsageError('--platform goes with --to (it names whose metadata variables replace $private_ipv4 and the others)');
  if (format === 'coreos-json') {
    // The old online validator had one engine: CoreOS's reference rules.
    if (rules === 'all' || target === 'flatcar') {
      throw new UsageError('--format coreos-json answers as CoreOS\'s online validator did: it takes no --rules all or --target flatcar');
    }
    rules = 'reference';
    target = 'coreos';
  }
  return { kind: 'validate', args: { rules: rules ?? 'all', target: target ?? 'flatcar', format, maxWarnings, ...(filesDir !== undefined && { filesDir }), inputs } };
}

/** `--to`: one input, judged as Flatcar with every check, its output on stdout. */
function convertArgs(
  to: ConvertTarget,
  format: OutputFormat,
  platform: Platform | undefined,
  rest: { rules?: RuleSetName; target?: Target; maxWarnings?: number; inputs: string[] },
): ConvertArgs {
  if (format !== 'text' && format !== 'json') throw new UsageError(`--to writes text or json, not --format ${format}`);
  if (rest.rules || rest.target || rest.maxWarnings !== undefined) {
    throw new UsageError('--to converts for Flatcar with every check; it takes no --rules, --target or --max-warnings');
  }
  if (rest.inputs.length !== 1) throw new UsageError(`--to converts one file, not ${rest.inputs.length}`);
  return { to, format, platform, input: rest.inputs[0] };
}

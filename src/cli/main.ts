import { readFile } from 'node:fs/promises';
import { butaneToIgnition, validateBytes, type DeclaredFormat, type RuleSetName } from '../core';
import { formatJson, formatText, type FileReport } from './format';

const USAGE = `usage: cloud-config-validate [--rules reference|all] [--format text|json|sarif] FILE... | -
       cloud-config-validate --to ignition FILE.bu

Validates CoreOS / Flatcar cloud-config user-data, Ignition configs (.ign files, or JSON with
an "ignition" member) and Butane configs (.bu files, or YAML with variant: and version:).
"-" reads standard input.
  --rules reference   exactly the findings of coreos-cloudinit's own validator
  --rules all         every check (default)
  --format text|json|sarif   output format (default text)
  --to ignition       translate a Butane config: Ignition JSON on stdout, findings on stderr
Exit status: 0 no errors, 1 a file has errors, 2 usage error or unreadable file.`;

type Format = 'text' | 'json' | 'sarif';

interface Args {
  rules: RuleSetName;
  format: Format;
  files: string[];
  /** `--to ignition`: write the Ignition a Butane file translates to. */
  to?: 'ignition';
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { rules: 'all', format: 'text', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--rules') {
      const v = value();
      if (v !== 'reference' && v !== 'all') throw new UsageError(`--rules must be reference or all, not "${v}"`);
      args.rules = v;
    } else if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${v}"`);
      args.format = v;
    } else if (flag === '--to') {
      const v = value();
      if (v !== 'ignition') throw new UsageError(`--to must be ignition, not "${v}"`);
      args.to = v;
    } else if (flag === '--') {
      args.files.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      args.files.push(arg);
    }
  }
  if (args.files.length === 0) throw new UsageError('no input files (use - for standard input)');
  return args;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function format(files: FileReport[], kind: Format): Promise<string> {
  if (kind === 'json') return formatJson(files);
  if (kind === 'text') return formatText(files);
  const [{ toSarif }, { allRuleDocs }] = await Promise.all([import('../core/report/sarif'), import('../core/rule-docs')]);
  return JSON.stringify(toSarif(files, allRuleDocs()), null, 2) + '\n';
}

/** The format a file name declares: `.ign` is Ignition whatever its content looks like. */
const declaredFormat = (file: string): DeclaredFormat | undefined => (/\.ign$/i.test(file) ? 'ignition' : /\.bu$/i.test(file) ? 'butane' : undefined);

async function readInput(file: string): Promise<Uint8Array> {
  return file === '-' ? readStdin() : readFile(file);
}

/** `--to ignition`: the translated config on stdout, findings as text on stderr. */
async function translateFiles(args: Args, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let status = 0;
  for (const file of args.files) {
    let text: string;
    try {
      text = new TextDecoder().decode(await readInput(file));
    } catch (e) {
      err.write(`cloud-config-validate: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      status = 2;
      continue;
    }
    const { report, ignition } = butaneToIgnition(text, { rules: args.rules });
    if (report.entries.length) err.write(formatText([{ file, report }]));
    if (ignition) out.write(JSON.stringify(ignition) + '\n');
    if (status === 0 && (!ignition || report.entries.some((e) => e.kind === 'error'))) status = 1;
  }
  return status;
}

/** Runs the CLI; returns the exit status. */
export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out.write(USAGE + '\n');
    return 0;
  }
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.write(`cloud-config-validate: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.to) return translateFiles(args, out, err);
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const file of args.files) {
    let bytes: Uint8Array;
    try {
      bytes = file === '-' ? await readStdin() : await readFile(file);
    } catch (e) {
      err.write(`cloud-config-validate: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      unreadable = true;
      continue;
    }
    reports.push({ file, report: validateBytes(bytes, { rules: args.rules, format: declaredFormat(file) }) });
  }
  out.write(await format(reports, args.format));
  if (unreadable) return 2;
  return reports.some((r) => r.report.entries.some((e) => e.kind === 'error')) ? 1 : 0;
}

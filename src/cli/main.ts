import { readFile } from 'node:fs/promises';
import { validateBytes, type DeclaredFormat, type RuleSetName } from '../core';
import { formatJson, formatText, type FileReport } from './format';

const USAGE = `usage: cloud-config-validate [--rules reference|all] [--format text|json|sarif] FILE... | -

Validates CoreOS / Flatcar cloud-config user-data and Ignition configs (.ign files, or JSON
with an "ignition" member). "-" reads standard input.
  --rules reference   exactly the findings of coreos-cloudinit's own validator
  --rules all         every check (default)
  --format text|json|sarif   output format (default text)
Exit status: 0 no errors, 1 a file has errors, 2 usage error or unreadable file.`;

type Format = 'text' | 'json' | 'sarif';

interface Args {
  rules: RuleSetName;
  format: Format;
  files: string[];
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
const declaredFormat = (file: string): DeclaredFormat | undefined => (/\.ign$/i.test(file) ? 'ignition' : undefined);

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

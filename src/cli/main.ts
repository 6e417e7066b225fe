import { homepage, version } from '../../package.json';
import {
  allRuleDocs,
  butaneToIgnition,
  byFileName,
  countFindings,
  formatCoreosJson,
  formatJson,
  formatText,
  toSarif,
  validateBytes,
  type DeclaredFormat,
  type FileReport,
} from '../core';
import { parseArgs, UsageError, type Args, type Command } from './args';
import { collectInputs } from './inputs';

const NAME = 'cloud-config-validate';

const USAGE = `usage: ${NAME} [--rules reference|all] [--target flatcar|coreos]
                             [--format text|json|sarif|coreos-json] [--max-warnings N]
                             FILE|DIR... | -
       ${NAME} --to ignition FILE.bu

Validates user-data for Flatcar / CoreOS Container Linux: cloud-config, Ignition (.ign, or JSON
with an "ignition" member), Butane (.bu, or YAML with variant: and version:), scripts and
multipart MIME. "-" reads standard input; a directory is searched for user-data files.
  --rules all          every check (default)
  --rules reference    exactly the findings of the target's own coreos-cloudinit validator
  --target flatcar     judge as today's Flatcar Container Linux (default)
  --target coreos      judge as CoreOS Container Linux (the old online validator)
  --format text|json|sarif   output format (default text)
  --format coreos-json the old online validator's response body, byte for byte
  --max-warnings N     exit 1 when there are more than N warnings
  --to ignition        translate a Butane config: Ignition JSON on stdout, findings on stderr
  --version            print the version
Exit status: 0 no errors, 1 errors (or too many warnings), 2 usage error or unreadable file.`;

const CR = 0x0d;

/** The format a file name declares: `.ign` is Ignition and `.bu` Butane, whatever the content looks like. */
const declaredFormat = (file: string): DeclaredFormat | undefined => (/\.ign$/i.test(file) ? 'ignition' : /\.bu$/i.test(file) ? 'butane' : undefined);

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function render(files: FileReport[], args: Args): string {
  switch (args.format) {
    case 'json':
      return formatJson(files);
    case 'text':
      return formatText(files);
    case 'sarif':
      return JSON.stringify(toSarif(files, allRuleDocs(), { name: NAME, version, informationUri: homepage }, args.target), null, 2) + '\n';
    case 'coreos-json':
      // One response body per file, as the service answered each upload; unreadable files get none.
      return files.flatMap(({ report }) => (report ? [formatCoreosJson(report.kind, report.entries)] : [])).join('\n');
  }
}

/**
 * `--to ignition`: each Butane input's Ignition on stdout, its findings as text on stderr; exit 1
 * when an input has errors or does not translate, 2 when one cannot be read.
 */
async function translate(args: Args, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let status = 0;
  for (const { file, bytes, error } of await collectInputs(args.inputs, readStdin)) {
    if (!bytes) {
      err.write(`${NAME}: cannot read ${file}: ${error}\n`);
      status = 2;
      continue;
    }
    const text = new TextDecoder().decode(bytes);
    const { report, ignition } = butaneToIgnition(text, { rules: args.rules, target: args.target });
    if (report.entries.length) err.write(formatText([{ file, report }]));
    if (ignition) out.write(JSON.stringify(ignition) + '\n');
    if (status === 0 && (!ignition || report.entries.some((e) => e.kind === 'error'))) status = 1;
  }
  return status;
}

/** Runs the CLI; returns the exit status. */
export async function main(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.write(`${NAME}: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  if (command.kind === 'help') {
    out.write(USAGE + '\n');
    return 0;
  }
  if (command.kind === 'version') {
    out.write(`${NAME} ${version}\n`);
    return 0;
  }
  const { args } = command;
  if (args.to) return translate(args, out, err);
  const inputs = await collectInputs(args.inputs, readStdin);
  const files = byFileName(
    inputs.map(({ file, bytes, error }): FileReport => {
      if (!bytes) return { file, error };
      // The old online validator removed every CR before it validated.
      const body = args.format === 'coreos-json' ? bytes.filter((b) => b !== CR) : bytes;
      return { file, report: validateBytes(body, { rules: args.rules, target: args.target, format: declaredFormat(file) }) };
    }),
  );
  for (const { file, error } of files) if (error) err.write(`${NAME}: cannot read ${file}: ${error}\n`);
  out.write(render(files, args));
  if (files.some((f) => f.error)) return 2;
  const count = countFindings(files);
  if (count.error > 0) return 1;
  if (args.maxWarnings !== undefined && count.warning > args.maxWarnings) {
    err.write(`${NAME}: ${count.warning} warnings, more than --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

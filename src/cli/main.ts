import { homepage, version } from '../../package.json';
import {
  butaneToIgnition,
  byFileName,
  countFindings,
  formatCoreosJson,
  inputKind,
  formatJson,
  formatText,
  toSarif,
  validateBytes,
  type DeclaredFormat,
  type FileReport,
} from '../core';
import { parseArgs, UsageError, type Args, type Command, type ConvertArgs } from './args';
import { entry, runConvert, type ConvertRun } from './convert';
import { collectInputs } from './inputs';
import { filesDir, gzipBest } from './files-dir';

const NAME = 'cloud-config-validate';

const USAGE = `usage: ${NAME} [--rules reference|all] [--target flatcar|coreos]
                             [--format text|json|sarif|coreos-json] [--max-warnings N]
                             [--files-dir DIR] FILE|DIR... | -
       ${NAME} --to butane|ignition [--format text|json] [--platform NAME]
                             [--files-dir DIR] FILE | -

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
  --to butane          convert a cloud-config to a Butane config (variant flatcar) on stdout;
                       notes on what did not carry over go to stderr
  --to ignition        convert a cloud-config to Ignition (JSON) instead, or translate a
                       Butane config to Ignition (findings on stderr); with --format json,
                       the result and its notes or findings as one JSON object on stdout
  --platform NAME      with --to: whose metadata variables replace $private_ipv4 and the others
                       (ec2, gce, azure, digitalocean, packet, openstack, custom; default ec2)
  -d, --files-dir DIR  Butane: the directory local, contents_local, ssh_authorized_keys_local
                       and trees read from (as butane -d); without it they are errors
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
      return JSON.stringify(toSarif(files, { name: NAME, version, informationUri: homepage }, args.target), null, 2) + '\n';
    case 'coreos-json':
      // One response body per file, as the service answered each upload; unreadable files get none.
      return files.flatMap(({ report }) => (report ? [formatCoreosJson(report.kind, report.entries)] : [])).join('\n');
  }
}

/**
 * `--to ignition` on a Butane config: its Ignition on stdout, its findings as text on stderr;
 * or, with `--format json`, one object as for a cloud-config, the findings as its notes. Status 1,
 * and the findings as text on stderr, when it has errors or does not translate.
 */
function translateButane(file: string, text: string, { filesDir: dir, format }: ConvertArgs): ConvertRun {
  const { report, ignition } = butaneToIgnition(text, { files: dir === undefined ? undefined : filesDir(dir), gzip: gzipBest });
  const findings = report.entries.length ? formatText([{ file, report }]) : '';
  if (!ignition || report.entries.some((e) => e.kind === 'error')) return { status: 1, stdout: '', stderr: findings };
  if (format === 'json') {
    return { status: 0, stdout: `${JSON.stringify({ file, to: 'ignition', output: ignition, notes: report.entries.map(entry) })}\n`, stderr: '' };
  }
  return { status: 0, stdout: `${JSON.stringify(ignition)}\n`, stderr: findings };
}

/** `--to`: what the input converts from is its own format (a cloud-config, or Butane for Ignition). */
async function convert(args: ConvertArgs, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const inputs = await collectInputs([args.input], readStdin);
  const [input] = inputs;
  if (inputs.length !== 1) {
    err.write(`${NAME}: --to converts one file; ${args.input} is a directory\n`);
    return 2;
  }
  if (!input.bytes) {
    err.write(`${NAME}: cannot read ${input.file}: ${input.error}\n`);
    return 2;
  }
  const text = new TextDecoder().decode(input.bytes);
  const butane = declaredFormat(input.file) === 'butane' || inputKind(text) === 'butane';
  const run = butane && args.to === 'ignition' ? translateButane(input.file, text, args) : await runConvert(args, input.file, input.bytes);
  if (run.stderr) err.write(run.stderr.replace(/^cannot convert/, `${NAME}: cannot convert`));
  out.write(run.stdout);
  return run.status;
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
  if (command.kind === 'convert') return convert(command.args, out, err);
  const { args } = command;
  const inputs = await collectInputs(args.inputs, readStdin);
  const files = byFileName(
    inputs.map(({ file, bytes, error }): FileReport => {
      if (!bytes) return { file, error };
      // The old online validator removed every CR before it validated.
      const body = args.format === 'coreos-json' ? bytes.filter((b) => b !== CR) : bytes;
      const report = validateBytes(body, { rules: args.rules, target: args.target, format: declaredFormat(file) });
      // A Butane config with a files directory: its local files are read, as butane -d reads them.
      if (report.kind === 'butane' && args.filesDir !== undefined) {
        const files = filesDir(args.filesDir);
        return { file, report: butaneToIgnition(new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), { rules: args.rules, target: args.target, files }).report };
      }
      return { file, report };
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

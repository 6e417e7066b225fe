import { convertCloudConfig, type Conversion } from '../core/convert';
import type { Finding } from '../core';
import type { ConvertArgs } from './args';

export interface ConvertRun {
  status: number;
  stdout: string;
  stderr: string;
}

const line = (file: string, f: Finding) => `${file}:${f.line}:${f.column}: ${f.kind}: ${f.message} [${f.rule}]`;

/** A finding as the JSON output of `--to` lists it. */
export const entry = ({ line, column, endLine, endColumn, kind, message, rule }: Finding) => ({ line, column, endLine, endColumn, kind, message, rule });

/**
 * `--to`: the converted config on stdout. Notes go to stderr as text lines, or into the JSON
 * object with `--format json`. A source with errors gives them on stderr, nothing on stdout,
 * and status 1; an input that does not convert to the asked format, status 2.
 */
export async function runConvert(args: ConvertArgs, file: string, bytes: Uint8Array): Promise<ConvertRun> {
  const text = new TextDecoder().decode(bytes);
  const out: Conversion = await convertCloudConfig(text, { platform: args.platform });
  const notInput = out.errors.find((e) => e.rule === 'convert-input');
  if (notInput) return { status: 2, stdout: '', stderr: `cannot convert ${file} --to ${args.to}: ${notInput.message}\n` };
  if (out.errors.length || !out.ignition) {
    const s = out.errors.length === 1 ? '' : 's';
    return { status: 1, stdout: '', stderr: `${out.errors.map((e) => line(file, e)).join('\n')}\n${file}: ${out.errors.length} error${s}: not converted\n` };
  }
  const output = args.to === 'butane' ? out.butane : `${JSON.stringify(out.ignition, null, 2)}\n`;
  if (args.format === 'json') {
    const body = { file, to: args.to, output: args.to === 'butane' ? out.butane : out.ignition, notes: out.notes.map(entry) };
    return { status: 0, stdout: `${JSON.stringify(body)}\n`, stderr: '' };
  }
  return { status: 0, stdout: output, stderr: out.notes.map((n) => `${line(file, n)}\n`).join('') };
}

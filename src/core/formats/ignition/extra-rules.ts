/**
 * Checks of the `all` rule set that ignition-validate never makes: what still breaks a Flatcar
 * machine at first boot although the config is valid Ignition.
 */
import type { RuleId } from '../../rule-table';
import type { Severity, Target } from '../../types';
import { CRYPT } from '../cloud-config/rules/users';
import { sshKeyProblem } from '../cloud-config/rules/ssh-keys';
import { PROBLEM_MESSAGES, SECTIONS } from '../cloud-config/rules/unit-content';
import { parseUnitFile } from '../cloud-config/rules/unit-file';
import { closest } from '../cloud-config/rules/edit-distance';
import { UNIT_TYPES, type UnitType } from '../cloud-config/rules/units';
import type { Decoded } from './go-decode';
import type { JsonNode } from './json-reader';
import { nodeAt, type PathStep } from './reference-rules';
import { decodeDataUrl } from './go/dataurl';
import { clean } from '../../go/path';
import { stringOffsets } from './string-offsets';
import { checkForDecimalMode, isTypicalMode, withExecWhereReadable } from '../decimal-mode';
import type { ValueFix } from '../value-fix';
import type { SpecMinor } from './schema';
import { clip, quoted } from '../../text/quote';
import { Octal } from '../../convert/yaml-emit';

/**
 * How the checked config is written, for placing and wording what the checks find: Ignition's
 * JSON itself, or a Butane config that translates to it.
 */
export interface ConfigSpelling {
  /** The text range of the part [from, to) of `value`, the decoded string at `path`, where it can be told. */
  rangeIn(path: PathStep[], value: string, from: number, to: number): readonly [number, number] | undefined;
  /** A field's name as the config writes it. */
  field(name: string): string;
  /** A mode's value as the config writes it. */
  modeValue(mode: number): string;
  /** The JSON text and its tree, where a mode is checked as written (JSON has no octal numbers). */
  json?: { text: string; root: JsonNode };
}

/** The spelling of an Ignition config's own JSON. */
export const jsonSpelling = (text: string, root: JsonNode): ConfigSpelling => ({
  rangeIn: (path, _value, from, to) => rangeIn(text, nodeAt(root, path), from, to),
  field: (name) => name,
  modeValue: (mode) => `${mode} (0${mode.toString(8)})`,
  json: { text, root },
});

export interface ExtraFinding {
  kind: Severity;
  message: string;
  rule: RuleId;
  path: PathStep[];
  /** An explicit range (e.g. a line inside a unit's contents). */
  range?: readonly [number, number];
  fix?: ValueFix;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A source range inside a JSON string value, from offsets into its decoded text. */
function rangeIn(text: string, node: JsonNode | undefined, from: number, to: number): [number, number] | undefined {
  if (!node || node.type !== 'string') return undefined;
  const offsets = stringOffsets(text, node.start, node.end);
  return [offsets[Math.min(from, offsets.length - 1)], offsets[Math.min(to, offsets.length - 1)]];
}

const unitTypeOf = (name: string): UnitType | undefined => {
  const suffix = name.slice(name.lastIndexOf('.') + 1);
  return (UNIT_TYPES as readonly string[]).includes(suffix) ? (suffix as UnitType) : undefined;
};

/** Unit file syntax inside `contents`, as for cloud-config units. */
function unitSyntax(spelling: ConfigSpelling, contents: string, path: PathStep[], label: string, type: UnitType | undefined, out: ExtraFinding[]): void {
  const lineStarts = [0];
  for (let i = 0; i < contents.length; i++) if (contents[i] === '\n') lineStarts.push(i + 1);
  for (const line of parseUnitFile(contents)) {
    const from = lineStarts[line.index] + line.start;
    const range = spelling.rangeIn(path, contents, from, from + line.length);
    if (line.kind === 'invalid') {
      out.push({ kind: 'warning', message: `${label}: ${PROBLEM_MESSAGES[line.problem!](line.key)}`, rule: 'ignition-unit-syntax', path, range });
    } else if (line.kind === 'section' && type) {
      const known = SECTIONS[type];
      const name = line.section!;
      if (known.includes(name) || name.startsWith('X-')) continue;
      const meant = closest(name, known);
      out.push({
        kind: 'warning',
        message: `${label}: [${name}] is not a section of .${type} files, so systemd ignores it and its settings` + (meant ? `; did you mean [${meant}]?` : ''),
        rule: 'ignition-unit-syntax',
        path,
        range,
      });
    }
  }
}

/**
 * `mode` as written: 644 meant as octal is decimal 644, which is 0o1204. Flagged, as butane
 * flags it, when the number is an odd mode but its digits read as octal are a typical one.
 */
function modeAsOctal(text: string, root: JsonNode, path: PathStep[], directory: boolean, out: ExtraFinding[]): void {
  const node = nodeAt(root, path);
  if (!node || node.type !== 'number') return;
  const raw = text.slice(node.start, node.end);
  if (!/^[0-7]{3,4}$/.test(raw) || !checkForDecimalMode(Number(raw), directory)) return;
  const meant = parseInt(raw, 8);
  out.push({
    kind: 'error',
    message: `"mode": ${raw} is the decimal number ${raw}, which is 0o${Number(raw).toString(8)} (JSON has no octal numbers); for 0${raw.replace(/^0/, '')} write ${meant}`,
    rule: 'ignition-mode-octal',
    path,
    fix: { title: `Write ${meant} (0${raw.replace(/^0/, '')})`, value: meant, was: Number(raw) },
  });
}

/** The file's contents when they are inline (a data URL, uncompressed). */
function inlineContents(file: Obj): string | undefined {
  const c = obj(file.contents);
  const source = str(c.source);
  if (!source || !source.startsWith('data:') || (c.compression !== undefined && c.compression !== '')) return undefined;
  const r = decodeDataUrl(source);
  return r.ok ? new TextDecoder().decode(r.data.slice(0, 256)) : undefined;
}

/** What Flatcar's `core` user is; a config that sets something else fights the image. */
const CORE_USER: Record<string, unknown> = { uid: 500, homeDir: '/home/core', primaryGroup: 'core', shell: '/bin/bash', system: false, noCreateHome: false, noUserGroup: false, shouldExist: true };

export function extraChecks(config: Decoded, _v: SpecMinor, target: Target, spelling: ConfigSpelling): ExtraFinding[] {
  const out: ExtraFinding[] = [];
  const storage = obj(config.storage);

  // Units and drop-ins.
  arr(obj(config.systemd).units).map(obj).forEach((u, i) => {
    const name = str(u.name) ?? '';
    const type = unitTypeOf(name);
    if (typeof u.contents === 'string') unitSyntax(spelling, u.contents, ['systemd', 'units', i, 'contents'], `unit ${quoted(name)}`, type, out);
    arr(u.dropins).map(obj).forEach((d, j) => {
      if (typeof d.contents === 'string') unitSyntax(spelling, d.contents, ['systemd', 'units', i, 'dropins', j, 'contents'], `drop-in ${quoted(str(d.name) ?? '')}`, type, out);
    });
  });

  // Files, directories and links.
  for (const kind of ['files', 'directories', 'links'] as const) {
    arr(storage[kind]).map(obj).forEach((n, i) => {
      const p = str(n.path) ?? '';
      if (p.startsWith('/') && (clean(p) === '/usr' || clean(p).startsWith('/usr/'))) {
        out.push({
          kind: 'error',
          message: `${p} is under /usr, which is read-only on Flatcar: Ignition fails to write it and the machine does not finish booting; use /etc, /opt or /var (e.g. /opt/bin for programs)`,
          rule: 'ignition-read-only',
          path: ['storage', kind, i, 'path'],
        });
      }
      // A Butane config has octal numbers, and butane's own check of decimal-looking modes.
      if (kind !== 'links' && spelling.json) modeAsOctal(spelling.json.text, spelling.json.root, ['storage', kind, i, 'mode'], kind === 'directories', out);
    });
  }
  arr(storage.files).map(obj).forEach((f, i) => {
    const head = inlineContents(f);
    const mode = typeof f.mode === 'number' ? f.mode : 0o644;
    if (head?.startsWith('#!') && (mode & 0o111) === 0) {
      // A mode that is odd to begin with (0o1204, a decimal-looking 644) has no certain fix here.
      const withExec = withExecWhereReadable(mode);
      const fixed = f.mode !== undefined && mode > 0 && mode <= 0o7777 && isTypicalMode(mode, false) && isTypicalMode(withExec, false) && withExec !== mode ? withExec : undefined;
      const advice = fixed === undefined ? 493 : fixed;
      out.push({
        kind: 'warning',
        message: `${str(f.path) ?? 'this file'} starts with "#!" but its mode (${f.mode === undefined ? 'default 0644' : `0${(mode >>> 0).toString(8)}`}) has no execute bit, so it cannot be run; set ${spelling.json ? '"mode"' : 'mode'}: ${spelling.modeValue(advice)}`,
        rule: 'ignition-script-exec',
        path: ['storage', 'files', i, f.mode === undefined ? 'path' : 'mode'],
        ...(fixed === undefined ? {} : { fix: { title: `Write ${spelling.modeValue(fixed)}`, value: new Octal(fixed), was: mode } }),
      });
    }
  });

  // Users.
  for (const kind of ['users', 'groups'] as const) {
    arr(obj(config.passwd)[kind]).map(obj).forEach((u, i) => {
      if ((str(u.name) ?? '') !== '') return;
      out.push({
        kind: 'error',
        message: `this ${kind === 'users' ? 'user' : 'group'} has no name: Ignition cannot create or change it and provisioning fails; add "${spelling.field('name')}"`,
        rule: 'ignition-passwd-name',
        path: ['passwd', kind, i],
      });
    });
  }
  arr(obj(config.passwd).users).map(obj).forEach((u, i) => {
    arr(u.sshAuthorizedKeys).forEach((key, k) => {
      if (typeof key !== 'string') return;
      const problem = sshKeyProblem(key);
      if (!problem) return;
      const path = ['passwd', 'users', i, 'sshAuthorizedKeys', k];
      out.push({ kind: 'error', message: problem.message, rule: 'ignition-ssh-key', path, range: spelling.rangeIn(path, key, problem.from, problem.to) });
    });
    if (typeof u.passwordHash === 'string' && !CRYPT.test(u.passwordHash)) {
      out.push({
        kind: 'error',
        message: `${spelling.field('passwordHash')} is not a crypt(3) hash (it looks like a plain password), so it cannot be used to log in; put a hash from "mkpasswd --method=SHA-512" or "openssl passwd -6" here`,
        rule: 'ignition-password-hash',
        path: ['passwd', 'users', i, 'passwordHash'],
      });
    }
    if (u.name === 'core' && target === 'flatcar') {
      for (const [field, want] of Object.entries(CORE_USER)) {
        if (u[field] === undefined || u[field] === want) continue;
        out.push({
          kind: 'warning',
          message: `the "core" user already exists on Flatcar with ${spelling.field(field)} ${JSON.stringify(want)}; setting ${clip(JSON.stringify(u[field]))} here makes Ignition modify the image's own user (usermod), which can lock you out; use another user name, or leave ${spelling.field(field)} out`,
          rule: 'ignition-core-user',
          path: ['passwd', 'users', i, field],
        });
      }
    }
  });
  return out;
}

import { describe, expect, it } from 'vitest';
import type { Finding } from '../../types';
import { validate } from '../../validate';

const crlf = (s: string) => s.replace(/\n/g, '\r\n');
const flatcar = (text: string) => validate(text, { rules: 'all', target: 'flatcar' });
const brief = (f: Finding) => [f.line, f.column, f.endLine, f.endColumn, f.kind, f.rule, f.message];
const applyFix = (text: string, f: Finding) => text.slice(0, f.fixes![0].from) + f.fixes![0].insert + text.slice(f.fixes![0].to);

/** A multipart message with the given parts (headers and body each). */
const mime = (...parts: [string, string][]) =>
  `Content-Type: multipart/mixed; boundary="==b=="\nMIME-Version: 1.0\n\n${parts.map(([h, b]) => `--==b==\n${h}\n\n${b}\n`).join('')}--==b==--\n`;

const CONFIG = 'coreos:\n  update:\n    reboot-strategy: off';
const REJECTS = 'Flatcar then applies none of the user-data';

describe('multipart user-data on Flatcar', () => {
  it('checks a text/cloud-config part at its own lines, with fixes that edit the whole text, LF or CRLF', () => {
    for (const text of [mime(['Content-Type: text/cloud-config', CONFIG], ['Content-Type: text/x-shellscript', '#!/bin/sh']), crlf(mime(['Content-Type: text/cloud-config', CONFIG]))]) {
      const report = flatcar(text);
      expect(report.kind).toBe('multipart');
      expect(report.entries.map(brief)).toEqual([
        [9, 5, 9, 20, 'error', 'hyphenated-key', 'Flatcar ignores "reboot-strategy": since 3975.2.0 keys are read as written; write "reboot_strategy"'],
      ]);
      expect(applyFix(text, report.entries[0])).toBe(text.replace('reboot-strategy', 'reboot_strategy'));
    }
  });

  it('needs no #cloud-config line in a text/cloud-config part, and sees a wrong type there', () => {
    const text = mime(['Content-Type: text/cloud-config; charset="us-ascii"', 'hostname: [a]']);
    expect(flatcar(text).entries.map(brief)).toEqual([
      [7, 11, 7, 14, 'error', 'wrong-type', 'Flatcar rejects the whole file at boot: cannot unmarshal !!seq into string (the value of "hostname")'],
    ]);
  });

  it('validates a base64 part after decoding it, pointing at its first line', () => {
    const body = btoa('#cloud-config\nhostname: [x]\n');
    const text = mime(['Content-Type: text/cloud-config\nContent-Transfer-Encoding: base64', body]);
    expect(flatcar(text).entries.map(brief)).toEqual([
      [8, 1, 8, 1 + body.length, 'error', 'wrong-type', 'in the decoded part, line 2 column 11: Flatcar rejects the whole file at boot: cannot unmarshal !!seq into string (the value of "hostname")'],
    ]);
    expect(flatcar(mime(['Content-Type: text/cloud-config\nContent-Transfer-Encoding: base64', 'aG9zdG5hbWU6IGE%%%'])).entries.map(brief)).toEqual([
      [8, 1, 8, 19, 'error', 'multipart', `this part is not valid base64 (standard alphabet, padded with =); ${REJECTS}`],
    ]);
  });

  it('warns that BASE64 in capitals is not decoded', () => {
    const text = mime(['Content-Type: text/x-shellscript\nContent-Transfer-Encoding: BASE64', btoa('#!/bin/sh\n')]);
    expect(flatcar(text).entries.map((f) => [f.line, f.column, f.kind, f.message])).toEqual([
      [5, 1, 'error', `a text/x-shellscript part must start with "#!" (its interpreter); ${REJECTS}`],
      [6, 1, 'warning', 'Flatcar decodes base64 only when the Content-Transfer-Encoding is "base64" in lower case; this part is read as it stands, still encoded'],
    ]);
  });

  it('decodes quoted-printable parts', () => {
    const text = mime(['Content-Type: text/cloud-config\nContent-Transfer-Encoding: quoted-printable', 'hostname: [=\nx]']);
    expect(flatcar(text).entries.map((f) => [f.line, f.column, f.message])).toEqual([
      [8, 1, 'in the decoded part, line 1 column 11: Flatcar rejects the whole file at boot: cannot unmarshal !!seq into string (the value of "hostname")'],
    ]);
  });

  it('accepts script parts, and refuses one that does not start with #!', () => {
    expect(flatcar(mime(['Content-Type: text/x-shellscript', '#!/bin/bash\necho hi'])).entries).toEqual([]);
    expect(flatcar(mime(['Content-Type: text/x-shellscript', 'echo hi'])).entries.map(brief)).toEqual([
      [5, 1, 5, 33, 'error', 'multipart', `a text/x-shellscript part must start with "#!" (its interpreter); ${REJECTS}`],
    ]);
  });

  it('names other part types and says what Flatcar does with each', () => {
    const text = mime(
      ['Content-Type: text/plain', 'hello'],
      ['Content-Type: text/plain', '#cloud-config\nhostname: [a]'],
      ['Content-Type: application/octet-stream', '#!/bin/sh'],
      ['Content-Type: application/json', '{"ignition": {"version": "3.3.0"}}'],
    );
    expect(flatcar(text).entries.map((f) => [f.line, f.kind, f.rule, f.message])).toEqual([
      [5, 'info', 'multipart', 'Flatcar ignores this text/plain part: it applies text/cloud-config and text/x-shellscript parts, and others only when they start with "#cloud-config" or "#!"'],
      [9, 'info', 'multipart', 'Flatcar reads this text/plain part as cloud-config, since it starts with "#cloud-config"'],
      [12, 'error', 'wrong-type', 'Flatcar rejects the whole file at boot: cannot unmarshal !!seq into string (the value of "hostname")'],
      [14, 'info', 'multipart', 'Flatcar runs this application/octet-stream part as a script, since it starts with "#!"'],
      [18, 'info', 'multipart', 'Flatcar ignores this application/json part: it holds an Ignition config, which coreos-cloudinit does not apply'],
    ]);
  });

  it('checks the gzip header of a gzip part', () => {
    const gzip = btoa(String.fromCharCode(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 0, 0));
    const part = (body: string) => mime(['Content-Type: application/x-gzip\nContent-Transfer-Encoding: base64', body]);
    expect(flatcar(part(gzip)).entries.map((f) => [f.line, f.kind, f.message])).toEqual([
      [5, 'info', 'Flatcar decompresses this application/x-gzip part and then reads it by what it starts with; what it holds is not checked here'],
    ]);
    expect(flatcar(part(btoa('plain'))).entries.map((f) => [f.line, f.kind, f.message])).toEqual([[5, 'error', `this application/x-gzip part is not gzip data; ${REJECTS}`]]);
  });

  it('reports a text/cloud-config part shorter than 13 bytes, on which coreos-cloudinit crashes', () => {
    // 12 bytes: the line end before the boundary line belongs to the boundary.
    expect(flatcar(mime(['Content-Type: text/cloud-config', 'hostname: ab'])).entries.map(brief)).toEqual([
      [5, 1, 5, 32, 'error', 'multipart', `this text/cloud-config part is shorter than 13 bytes, and Flatcar's coreos-cloudinit crashes on it (it reads the first 13 bytes to look for "#cloud-config"); ${REJECTS}`],
    ]);
    expect(flatcar(mime(['Content-Type: text/cloud-config', 'hostname: abc'])).entries).toEqual([]);
  });

  it('reads nested multipart parts at their own lines', () => {
    const inner = 'Content-Type: multipart/mixed; boundary=in\n\n--in\nContent-Type: text/cloud-config\n\nhostname: [a]\n--in--';
    const text = mime(['Content-Type: multipart/mixed; boundary=in', inner.slice(inner.indexOf('\n\n') + 2)]);
    // The outer part's headers are not the nested message's: read by content, the body is no MIME message.
    expect(flatcar(text).entries.map((f) => [f.line, f.message.slice(0, 30)])).toEqual([[5, 'Flatcar ignores this multipart']]);
    const nested = mime(['Content-Type: text/plain', inner]);
    expect(flatcar(nested).entries.map((f) => [f.line, f.column, f.rule])).toEqual([[12, 11, 'wrong-type']]);
  });

  it('reports broken structure as one error at its line, never a crash', () => {
    const noBoundary = 'Content-Type: multipart/mixed\n\n--b\nContent-Type: text/cloud-config\n\nhostname: abcdefgh\n--b--\n';
    expect(flatcar(noBoundary).entries.map(brief)).toEqual([
      [1, 1, 1, 30, 'error', 'multipart', `the Content-Type has no boundary parameter (boundary="...", the line that separates the parts), so the parts cannot be told apart; ${REJECTS}`],
    ]);
    const unterminated = 'Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/cloud-config\n\nhostname: abcdefgh\n';
    expect(flatcar(unterminated).entries.map(brief)).toEqual([
      [3, 1, 3, 4, 'error', 'multipart', `this part is never terminated: no boundary line "--b" or "--b--" follows it; ${REJECTS}`],
    ]);
    const noHeaders = 'Content-Type: multipart/mixed; boundary=b\n\n--b\n\nhostname: abcdefgh\n--b--\n';
    expect(flatcar(noHeaders).entries.map(brief)).toEqual([
      [3, 1, 3, 4, 'error', 'multipart', `this part has no headers, and each part needs a Content-Type; ${REJECTS}`],
    ]);
    const notMixed = 'Content-Type: multipart/mixed-up; boundary=b\n\n';
    expect(flatcar(notMixed).entries.map((f) => [f.line, f.message])).toEqual([[1, `the Content-Type must be multipart/mixed, not multipart/mixed-up; ${REJECTS}`]]);
  });

  it('reports the size of the whole user-data once', () => {
    const text = mime(['Content-Type: text/cloud-config', `write_files:\n  - path: /etc/a\n    content: ${'x'.repeat(17000)}`]);
    expect(flatcar(text).entries.map((f) => [f.line, f.rule])).toEqual([[1, 'user-data-size']]);
  });
});

describe('multipart user-data elsewhere', () => {
  const text = mime(['Content-Type: text/cloud-config', 'hostname: [a]']);

  it('is passed untouched by Flatcar\'s own validator (the reference set)', () => {
    expect(validate(text, { rules: 'reference', target: 'flatcar' }).entries).toEqual([]);
  });

  it('stays as it was for CoreOS, which does not accept it', () => {
    expect(validate(text, { rules: 'all', target: 'coreos' }).entries).toEqual([]);
    expect(validate(text, { rules: 'reference', target: 'coreos' }).entries.map((f) => [f.line, f.rule])).toEqual([[1, 'header']]);
  });
});

describe('damaged multipart user-data', () => {
  const whole = crlf(mime(['Content-Type: text/cloud-config\nContent-Transfer-Encoding: base64', btoa('hostname: abcdefghijklmn\n')], ['Content-Type: text/cloud-config', CONFIG]));

  it('gets findings, never a failure of the validator, however it is cut or garbled', () => {
    const seen = new Set<string>();
    for (let cut = 0; cut <= whole.length; cut++) {
      const text = whole.slice(0, cut);
      const garbled = whole.slice(0, cut) + '\u0000=="\r' + whole.slice(cut + 1);
      for (const t of cut % 3 === 0 ? [text, garbled] : [text]) {
        const report = flatcar(t);
        expect(report.entries.filter((f) => f.rule === 'internal-error')).toEqual([]);
        for (const f of report.entries) {
          expect(f.from! >= 0 && f.to! <= t.length && f.from! <= f.to!).toBe(true);
          seen.add(f.rule);
        }
      }
    }
    expect([...seen].sort()).toEqual(expect.arrayContaining(['hyphenated-key', 'multipart']));
  }, 30_000);
});

import { describe, expect, it } from 'vitest';
import { validate, butaneToIgnition } from '../core';
import { inlineEdit, localReferenceAt, type InlineEdit } from './local-file-inline';

const bu = (body: string) => `variant: flatcar\nversion: 1.1.0\n${body}`;
const bytes = (s: string) => new TextEncoder().encode(s);
const apply = (text: string, e: InlineEdit | { refused: string }) => {
  if ('refused' in e) throw new Error(e.refused);
  return text.slice(0, e.from) + e.insert + text.slice(e.to);
};
/** Inlines `contents` for the reference on the line holding `marker`. */
function inline(text: string, marker: string, contents: Uint8Array) {
  const ref = localReferenceAt(text, text.indexOf(marker));
  if (!ref) throw new Error('no reference');
  return apply(text, inlineEdit(ref, contents));
}
/** The contents of the first file / unit in the Ignition the text translates to. */
const ignitionOf = (text: string) => butaneToIgnition(text).ignition as Record<string, any>;
const fileSource = (text: string) => ignitionOf(text).storage.files[0].contents.source as string;
const decode = (url: string) => {
  const [, meta, data] = /^data:([^,]*),(.*)$/s.exec(url)!;
  return meta.endsWith(';base64') ? Buffer.from(data, 'base64').toString('latin1') : decodeURIComponent(data);
};

describe('inlining a local file', () => {
  const text = bu('storage:\n  files:\n    - path: /etc/motd\n      contents:\n        local: motd.txt  # from the repo\n');

  it('turns local: into inline: with the file’s text, which translates to exactly that text', () => {
    expect(validate(text).entries.map((f) => f.rule)).toEqual(['butane-local']);
    for (const contents of ['Hello\n', 'two\n\nlines, no newline at the end', 'ends in blank lines\n\n\n', '  starts indented\n', '', 'tab\there\n', 'crlf\r\nline\r\n']) {
      const done = inline(text, 'local:', bytes(contents));
      expect(validate(done).entries, JSON.stringify(contents)).toEqual([]);
      expect(decode(fileSource(done))).toBe(contents);
    }
    expect(inline(text, 'local:', bytes('Hello\nworld\n'))).toContain('      contents:\n        inline: |  # from the repo\n          Hello\n          world\n');
  });

  it('writes a binary file as a base64 data URL', () => {
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00, 0x0a]);
    const done = inline(text, 'local:', binary);
    expect(done).toContain('source: "data:;base64,');
    expect(validate(done).entries).toEqual([]);
    expect(decode(fileSource(done))).toBe(Buffer.from(binary).toString('latin1'));
  });

  it('turns a unit’s contents_local: into contents:, and refuses a binary one', () => {
    const unit = bu('systemd:\n  units:\n    - name: a.service\n      contents_local: a.service\n      enabled: true\n');
    const contents = '[Service]\nExecStart=/usr/bin/true\n\n[Install]\nWantedBy=multi-user.target\n';
    const done = inline(unit, 'contents_local', bytes(contents));
    expect(validate(done).entries).toEqual([]);
    expect(ignitionOf(done).systemd.units[0]).toMatchObject({ name: 'a.service', contents, enabled: true });
    const ref = localReferenceAt(unit, unit.indexOf('contents_local'))!;
    expect(inlineEdit(ref, new Uint8Array([0xff, 0xfe]))).toEqual({ refused: 'a unit file must be UTF-8 text' });
  });

  it('finds no file to inline in a tree (a directory) or elsewhere', () => {
    const trees = bu('storage:\n  trees:\n    - local: etc-tree\n      path: /etc\n    - path: /opt\n      local: opt-tree\n');
    expect(localReferenceAt(trees, trees.indexOf('local: etc'))).toBeUndefined();
    expect(localReferenceAt(trees, trees.indexOf('local: opt'))).toBeUndefined();
    expect(localReferenceAt(text, text.indexOf('path:'))).toBeUndefined();
    // A file's contents written as a list item's first key is still a file.
    const first = bu('storage:\n  files:\n    - contents:\n        local: a\n      path: /etc/a\n');
    expect(localReferenceAt(first, first.indexOf('local'))).toMatchObject({ key: 'local' });
  });
});

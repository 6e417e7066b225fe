import { describe, expect, it } from 'vitest';
import { validate } from '../../core';
import { butaneMinor, cloudConfigKeys, ignitionMinor, keySchemaFor, shapeIn, type DocShape } from './key-schemas';
import { butaneKeys, ignitionKeys } from './ignition-key-schemas';

const keys = (shape: DocShape | undefined) => [...(shape?.fields?.keys() ?? [])];

describe('the keys hover and completion know', () => {
  it('for Ignition: the schema of the config’s spec version, with its field descriptions', () => {
    const files = shapeIn(ignitionKeys(4).root, ['storage', 'files', 0]);
    expect(keys(files)).toEqual(expect.arrayContaining(['path', 'contents', 'mode', 'overwrite', 'append', 'user', 'group']));
    expect(shapeIn(ignitionKeys(4).root, ['storage', 'files', 0, 'path'])).toMatchObject({ typeLabel: 'string', meta: { description: 'absolute path' } });
    expect(shapeIn(ignitionKeys(4).root, ['storage', 'files', 0, 'overwrite'])?.goType).toBe('bool');
    expect(shapeIn(ignitionKeys(4).root, ['storage', 'files'])?.meta?.description).toBe('files to write');
    // Versions differ: kernelArguments came with 3.3, luks with 3.2.
    expect(keys(ignitionKeys(2).root)).not.toContain('kernelArguments');
    expect(keys(ignitionKeys(3).root)).toContain('kernelArguments');
    expect(shapeIn(ignitionKeys(4).root, ['storage', 'files', 0, 'inline'])).toBeUndefined();
  });

  it('for Butane: Ignition’s keys in snake_case, and Butane’s own', () => {
    const root = butaneKeys(4).root;
    expect(keys(root)).toEqual(expect.arrayContaining(['variant', 'version', 'ignition', 'kernel_arguments', 'passwd', 'storage', 'systemd']));
    expect(keys(shapeIn(root, ['passwd', 'users', 0]))).toEqual(expect.arrayContaining(['ssh_authorized_keys', 'password_hash', 'home_dir']));
    expect(keys(shapeIn(root, ['storage', 'files', 0, 'contents']))).toEqual(expect.arrayContaining(['inline', 'local', 'source', 'compression']));
    expect(keys(shapeIn(root, ['storage', 'filesystems', 0]))).toContain('with_mount_unit');
    expect(keys(shapeIn(root, ['storage', 'trees', 0]))).toEqual(['local', 'path']);
    expect(keys(shapeIn(root, ['storage', 'disks', 0, 'partitions', 0]))).toEqual(expect.arrayContaining(['size_mib', 'start_mib', 'type_guid']));
    expect(shapeIn(root, ['version'])?.meta?.values).toEqual(['1.1.0', '1.0.0']);
    expect(shapeIn(root, ['storage', 'files', 0, 'contents', 'local'])?.meta?.description).toMatch(/browser cannot read it/);
    // contents_local came with Butane 1.1.0.
    expect(keys(shapeIn(root, ['systemd', 'units', 0]))).toContain('contents_local');
    expect(keys(shapeIn(butaneKeys(3).root, ['systemd', 'units', 0]))).not.toContain('contents_local');
  });

  it('agree with the Butane validator: every key offered is one it uses, and others it calls unused', () => {
    const text = [
      'variant: flatcar',
      'version: 1.1.0',
      'storage:',
      '  filesystems:',
      '    - device: /dev/disk/by-label/DATA',
      '      format: ext4',
      '      path: /var/data',
      '      with_mount_unit: true',
      '  trees:',
      '    - local: tree',
      '      path: /etc/app',
      '  files:',
      '    - path: /etc/a',
      '      contents:',
      '        local: a.txt',
      'systemd:',
      '  units:',
      '    - name: a.service',
      '      contents_local: a.service',
      '      dropins:',
      '        - name: b.conf',
      '          contents_local: b.conf',
      '',
    ].join('\n');
    const unused = (t: string) => validate(t, { rules: 'reference' }).entries.filter((f) => f.rule === 'ignition-unknown-key');
    expect(unused(text)).toEqual([]);
    expect(keys(shapeIn(butaneKeys(4).root, ['systemd', 'units', 0, 'dropins', 0]))).toContain('contents_local');
    const wrong = text.replace('with_mount_unit', 'with_mount');
    expect(keys(shapeIn(butaneKeys(4).root, ['storage', 'filesystems', 0]))).not.toContain('with_mount');
    expect(unused(wrong)).toHaveLength(1);
  });

  it('pick the schema by the kind of text and its version', async () => {
    expect(ignitionMinor('{"ignition": {"version": "3.3.0"}}')).toBe(3);
    expect(ignitionMinor('{"ignition": {}}')).toBe(4);
    expect(butaneMinor('variant: flatcar\nversion: 1.0.0\n')).toBe(3);
    expect(butaneMinor('variant: flatcar\nversion: 1.1.0\n')).toBe(4);
    expect(await keySchemaFor('ignition', '{"ignition": {"version": "3.2.0"}}')).toBe(ignitionKeys(2));
    expect(await keySchemaFor('butane', 'variant: flatcar\nversion: 1.0.0\n')).toBe(butaneKeys(3));
    expect(await keySchemaFor('cloud-config', '#cloud-config\n')).toBe(cloudConfigKeys);
    expect(await keySchemaFor(undefined, '')).toBe(cloudConfigKeys);
  });
});

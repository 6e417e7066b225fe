/**
 * One help entry per rule id: what the app shows in its rule help panel and what SARIF exports
 * as rule metadata. Rules of the `all` set add theirs next to their code (see rules/index.ts).
 */
export interface RuleDoc {
  title: string;
  help: string;
  /** Whether coreos-cloudinit's own validator reports it too. */
  reference: boolean;
}

export const referenceRuleDocs: Record<string, RuleDoc> = {
  header: {
    title: 'First line',
    help: 'coreos-cloudinit reads user-data as cloud-config only when the first line is exactly "#cloud-config" (trailing spaces allowed); a script starts with "#!". Anything else is ignored at boot.',
    reference: true,
  },
  'yaml-syntax': {
    title: 'YAML syntax',
    help: 'The file is not valid YAML, so coreos-cloudinit cannot read any of it and the machine boots unconfigured. Fix the first error; later ones often follow from it.',
    reference: true,
  },
  'unknown-key': {
    title: 'Unknown key',
    help: 'coreos-cloudinit does not know this key at this place and ignores it. Check the spelling and the indentation (a key indented under the wrong parent is unknown there).',
    reference: true,
  },
  'wrong-type': {
    title: 'Wrong type',
    help: 'The value has the wrong YAML type for this key (e.g. a list where a string is expected, or a quoted "true" for a boolean). coreos-cloudinit drops such values.',
    reference: true,
  },
  'deprecated-key': {
    title: 'Deprecated key',
    help: 'The key still parses but no longer does anything useful on current systems; the message gives the reason.',
    reference: true,
  },
  'invalid-value': {
    title: 'Invalid value',
    help: 'The value does not match what the key accepts (for example reboot_strategy must be etcd-lock, reboot or off, and permissions an octal mode such as \'0644\').',
    reference: true,
  },
  'discovery-url': {
    title: 'Discovery URL',
    help: 'coreos.etcd.discovery must be an absolute URL such as https://discovery.etcd.io/<token>.',
    reference: true,
  },
  'content-encoding': {
    title: 'Content encoding',
    help: 'write_files content must decode with its encoding (base64, gzip, gzip+base64). Content that does not decode makes the file fail to write.',
    reference: true,
  },
  'read-only-path': {
    title: 'Read-only path',
    help: '/usr is a read-only file system on CoreOS and Flatcar; files written there fail. Use /etc, /opt or /var instead.',
    reference: true,
  },
  'write-files-under-coreos': {
    title: 'write_files under coreos',
    help: 'write_files is a top-level key; under coreos it is ignored. Move it to the top level.',
    reference: true,
  },
};

import type { Range } from '../yaml/tree';
import type { Severity } from '../types';

/**
 * What the converter says about the source: one rule id per kind of note, with its help text
 * (listed in the rule docs). A note points at the cloud-config, never at the output.
 */
export const CONVERT_RULES = {
  'convert-not-carried': {
    title: 'Not carried over',
    help: 'The converter found no Butane equivalent for this key, so the Butane config does not contain it. The message says how to get the same effect by hand, where there is a way.',
  },
  'convert-ssh-import': {
    title: 'SSH key import',
    help: 'coreos_ssh_import_github, coreos_ssh_import_github_users and coreos_ssh_import_url fetched keys from the network at every boot. Ignition does not fetch SSH keys: paste the keys (e.g. from https://github.com/USER.keys) into ssh_authorized_keys.',
  },
  'convert-unit-command': {
    title: 'Unit command',
    help: 'coreos-cloudinit ran "systemctl COMMAND" on a unit at every boot. Ignition writes units before systemd starts and can only enable or mask them: command: start (and restart) becomes enabled: true, with an [Install] section added when the unit has none; the other commands have no equivalent.',
  },
  'convert-unit-runtime': {
    title: 'Runtime unit',
    help: 'runtime: true wrote the unit under /run, so it was gone after a reboot until coreos-cloudinit wrote it again. Ignition writes units once, under /etc, where they persist.',
  },
  'convert-service-removed': {
    title: 'Service not shipped',
    help: 'Flatcar ships neither etcd (v0.4), etcd2, fleet nor the cloud-config settings of flannel. Run etcd v3 as etcd-member.service (a container) with ETCD_* settings in a drop-in, and flannel as a container; fleet has no successor (use systemd units or Kubernetes).',
  },
  'convert-etcd-lock': {
    title: 'etcd-lock needs etcd',
    help: 'With REBOOT_STRATEGY=etcd-lock, locksmith takes a reboot lock in etcd. Flatcar does not ship etcd2: run etcd (etcd-member.service) or point LOCKSMITHD_ENDPOINT at a cluster, or choose reboot or off.',
  },
  'convert-substitution': {
    title: 'Address substitution',
    help: 'coreos-cloudinit replaced $private_ipv4, $public_ipv4, $private_ipv6 and $public_ipv6 before reading the config. Ignition does not: in units the converter uses the variables coreos-metadata writes to /run/metadata/flatcar (EnvironmentFile= and After=coreos-metadata.service in a drop-in); systemd expands them in Exec lines only. Elsewhere the text is left as written.',
  },
  'convert-oem': {
    title: 'OEM settings',
    help: 'coreos.oem wrote /etc/oem-release. On Flatcar the image for each platform carries its own OEM settings, so the converter leaves this out; write /etc/oem-release as a file if you need it.',
  },
  'convert-etc-hosts': {
    title: '/etc/hosts',
    help: 'manage_etc_hosts: localhost made coreos-cloudinit write /etc/hosts with one line, "127.0.0.1 HOSTNAME". The converter writes that file with the config\'s hostname.',
  },
  'convert-duplicate': {
    title: 'Replaced entry',
    help: 'Ignition needs each file path, unit, drop-in and user once. coreos-cloudinit applied entries in order, so the last one won; the converter keeps that one and leaves the earlier one out.',
  },
  'convert-input': {
    title: 'Not a cloud-config',
    help: 'Only a cloud-config (a file starting with #cloud-config) converts to Butane; a script, an Ignition or Butane config, or multipart user-data does not.',
  },
  'convert-path': {
    title: 'File path',
    help: 'coreos-cloudinit wrote a relative path under /; Ignition needs absolute paths, so the converter adds the leading /. A path under /etc/coreos (on Flatcar a link to /etc/flatcar, kept for old tools) is written under /etc/flatcar, where Flatcar reads it.',
  },
} as const satisfies Record<string, { title: string; help: string }>;

export type ConvertRule = keyof typeof CONVERT_RULES;

export interface Note {
  rule: ConvertRule;
  kind: Extract<Severity, 'info' | 'warning'>;
  message: string;
  range: Range;
}

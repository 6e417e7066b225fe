/**
 * Validation speed: generates cloud-configs of 100 KB, 1 MB and 10 MB (many units with
 * `content: |` blocks, write_files) and prints, for each target (flatcar, coreos), the median
 * validation time of each rule set and its ratio to a bare `yaml` parse of the same text. Targets: 1 MB under 150 ms, within 1.5x of
 * the bare parse. Then an Ignition config and a Butane config of about 1 MB (many files and
 * units), against a bare `JSON.parse` and `yaml` parse of each. `npm run bench` (add `-- --web`
 * for the browser benchmark as well).
 */
import { execSync } from 'node:child_process';
import { parseDocument } from 'yaml';
import { validate, type Target } from '../src/core';

function unit(i: number): string {
  return `    - name: app-${i}.service
      command: start
      enable: true
      content: |
        [Unit]
        Description=Application ${i}
        After=docker.service
        Requires=docker.service

        [Service]
        TimeoutStartSec=0
        ExecStartPre=-/usr/bin/docker kill app-${i}
        ExecStartPre=-/usr/bin/docker rm app-${i}
        ExecStart=/usr/bin/docker run --name app-${i} -p ${8000 + (i % 1000)}:80 example/app:${i}
        ExecStop=/usr/bin/docker stop app-${i}

        [Install]
        WantedBy=multi-user.target
      drop_ins:
        - name: 10-env.conf
          content: |
            [Service]
            Environment=INDEX=${i}
`;
}

function file(i: number): string {
  return `  - path: /etc/app/config-${i}.env
    permissions: '0644'
    owner: root:root
    content: |
      NAME=app-${i}
      PORT=${8000 + (i % 1000)}
`;
}

export function generate(targetBytes: number): string {
  const head = `#cloud-config
hostname: bench-node
coreos:
  etcd2:
    name: node1
    initial_cluster: node1=http://10.0.0.1:2380,node2=http://10.0.0.2:2380,node3=http://10.0.0.3:2380
    advertise_client_urls: http://$private_ipv4:2379
    initial_advertise_peer_urls: http://$private_ipv4:2380
    listen_client_urls: http://0.0.0.0:2379
    listen_peer_urls: http://$private_ipv4:2380
  update:
    reboot_strategy: etcd-lock
  units:
`;
  const units: string[] = [];
  const files: string[] = [];
  let size = head.length + 'write_files:\n'.length;
  for (let i = 0; size < targetBytes; i++) {
    const u = unit(i);
    const f = file(i);
    units.push(u);
    files.push(f);
    size += u.length + f.length;
  }
  return head + units.join('') + 'write_files:\n' + files.join('');
}

/** An Ignition config (spec 3.4) of about `targetBytes`: files with data URLs and units. */
function ignitionOfSize(targetBytes: number): string {
  const files: unknown[] = [];
  const units: unknown[] = [];
  for (let i = 0, size = 0; size < targetBytes; i++) {
    files.push({ path: `/etc/app/config-${i}.env`, mode: 420, overwrite: true, contents: { source: `data:,NAME%3Dapp-${i}%0APORT%3D${8000 + (i % 1000)}%0A` } });
    units.push({ name: `app-${i}.service`, enabled: true, contents: `[Unit]\nDescription=Application ${i}\n\n[Service]\nExecStart=/usr/bin/docker run --name app-${i} example/app:${i}\n\n[Install]\nWantedBy=multi-user.target\n` });
    size += 420;
  }
  return JSON.stringify({ ignition: { version: '3.4.0' }, storage: { files }, systemd: { units } }, null, 2);
}

/** A Butane config (flatcar 1.1.0) of about `targetBytes`: inline files and units. */
function butaneOfSize(targetBytes: number): string {
  const parts = ['variant: flatcar\nversion: 1.1.0\nstorage:\n  files:\n'];
  const units = ['systemd:\n  units:\n'];
  for (let i = 0, size = 0; size < targetBytes; i++) {
    const f = `    - path: /etc/app/config-${i}.env\n      mode: 0644\n      contents:\n        inline: |\n          NAME=app-${i}\n          PORT=${8000 + (i % 1000)}\n`;
    const u = `    - name: app-${i}.service\n      enabled: true\n      contents: |\n        [Unit]\n        Description=Application ${i}\n        [Service]\n        ExecStart=/usr/bin/docker run --name app-${i} example/app:${i}\n        [Install]\n        WantedBy=multi-user.target\n`;
    parts.push(f);
    units.push(u);
    size += f.length + u.length;
  }
  return parts.join('') + units.join('');
}

/** Rows of cells, each column as wide as its widest cell. */
function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

if (import.meta.url === `file://${process.argv[1]}`) main();

function main() {
const rows: string[][] = [['size', 'target', 'bare yaml parse', 'validate (all)', 'ratio', 'validate (reference)', 'ratio', 'findings']];
const targets: Target[] = ['flatcar', 'coreos'];
for (const [label, bytes, runs] of [
  ['100 KB', 100 * 1024, 21],
  ['1 MB', 1024 * 1024, 11],
  ['10 MB', 10 * 1024 * 1024, 3],
] as const) {
  const text = generate(bytes);
  const bare = time(() => parseDocument(text), runs);
  for (const target of targets) {
    const all = time(() => validate(text, { rules: 'all', target }), runs);
    const ref = time(() => validate(text, { rules: 'reference', target }), runs);
    const findings = validate(text, { rules: 'all', target }).entries.length;
    rows.push([label, target, `${bare.toFixed(1)} ms`, `${all.toFixed(1)} ms`, `${(all / bare).toFixed(2)}x`, `${ref.toFixed(1)} ms`, `${(ref / bare).toFixed(2)}x`, String(findings)]);
  }
}
printTable(rows);

const other: string[][] = [['format, size', 'bare parse', 'validate (all)', 'ratio', 'validate (reference)', 'findings']];
for (const [label, text, bareParse] of [
  ['Ignition', ignitionOfSize(1024 * 1024), (t: string) => JSON.parse(t)],
  ['Butane', butaneOfSize(1024 * 1024), (t: string) => parseDocument(t)],
] as const) {
  const bare = time(() => bareParse(text), 11);
  const all = time(() => validate(text, { rules: 'all' }), 11);
  const ref = time(() => validate(text, { rules: 'reference' }), 11);
  const findings = validate(text, { rules: 'all' }).entries.length;
  other.push([`${label}, ${(text.length / 1048576).toFixed(1)} MB`, `${bare.toFixed(1)} ms`, `${all.toFixed(1)} ms`, `${(all / bare).toFixed(1)}x`, `${ref.toFixed(1)} ms`, String(findings)]);
}
console.log();
printTable(other);
console.log(`heap used after runs: ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB (node ${process.version})`);

if (process.argv.includes('--web')) execSync('npm run --silent bench:web', { stdio: 'inherit' });
}

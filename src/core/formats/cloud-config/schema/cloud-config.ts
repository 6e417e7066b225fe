import { bool, float, int, str, strList, struct, structList } from './fields';

/**
 * The cloud-config structure as coreos-cloudinit reads it: one zod schema, the single source
 * of the key list, the Go types, the allowed-value patterns and the deprecations.
 */

const ETCD_GONE = 'etcd2 options no longer work for etcd';
const REMOTE_KEYS = 'trying to fetch from a remote endpoint introduces too many intermittent errors';

const etcd = struct(
  'Settings for etcd 0.4 (etcd.service), written to a systemd drop-in as ETCD_* variables.',
  {
    addr: str('Client address etcd advertises (host:port).'),
    advertise_client_urls: str('etcd2 option; has no effect on etcd 0.4.', { deprecatedReason: ETCD_GONE }),
    bind_addr: str('Address etcd listens on for clients (host:port).'),
    ca_file: str('CA certificate file for client TLS.'),
    cert_file: str('Client TLS certificate file.'),
    cluster_active_size: int('Number of active peers in the cluster.'),
    cluster_remove_delay: float('Seconds before a dead peer is removed.'),
    cluster_sync_interval: float('Seconds between cluster syncs.'),
    cors: str('Comma-separated CORS origins.'),
    data_dir: str('Directory for etcd data.'),
    discovery: str('Discovery URL (e.g. https://discovery.etcd.io/<token>) used to bootstrap the cluster.'),
    discovery_fallback: str('etcd2 option; has no effect on etcd 0.4.', { deprecatedReason: ETCD_GONE }),
    discovery_srv: str('etcd2 option; has no effect on etcd 0.4.', { deprecatedReason: ETCD_GONE }),
    discovery_proxy: str('etcd2 option; has no effect on etcd 0.4.', { deprecatedReason: ETCD_GONE }),
    election_timeout: int('etcd2 option; has no effect on etcd 0.4.', { deprecatedReason: ETCD_GONE }),
    force_new_cluster: bool('etcd2 option; has no effect on etcd 0.4.', { deprecatedReason: ETCD_GONE }),
    graphite_host: str('Graphite endpoint for metrics (host:port).'),
    heartbeat_interval: int('etcd2 option; has no effect on etcd 0.4.', { deprecatedReason: ETCD_GONE }),
    http_read_timeout: float('Seconds before an HTTP read times out.'),
    http_write_timeout: float('Seconds before an HTTP write times out.'),
    initial_advertise_peer_urls: str('etcd2 option; has no effect on etcd 0.4.', { deprecatedReason: ETCD_GONE }),
    initial_cluster: str('etcd2 option; has no effect on etcd 0.4.', { deprecatedReason: ETCD_GONE }),
    initial_cluster_state: str('etcd2 option; has no effect on etcd 0.4.', { deprecatedReason: ETCD_GONE }),
    initial_cluster_token: str('etcd2 option; has no effect on etcd 0.4.', { deprecatedReason: ETCD_GONE }),
    key_file: str('Client TLS key file.'),
    listen_client_urls: str('etcd2 option; has no effect on etcd 0.4.', { deprecatedReason: ETCD_GONE }),
    listen_peer_urls: str('etcd2 option; has no effect on etcd 0.4.', { deprecatedReason: ETCD_GONE }),
    max_result_buffer: int('Maximum size of the result buffer.'),
    max_retry_attempts: int('Attempts to join a cluster before giving up.'),
    max_snapshots: int('etcd2 option; has no effect on etcd 0.4.', { deprecatedReason: ETCD_GONE }),
    max_wals: int('etcd2 option; has no effect on etcd 0.4.', { deprecatedReason: ETCD_GONE }),
    name: str('Name of this node in the cluster.'),
    peer_addr: str('Peer address etcd advertises (host:port).'),
    peer_bind_addr: str('Address etcd listens on for peers (host:port).'),
    peer_ca_file: str('CA certificate file for peer TLS.'),
    peer_cert_file: str('Peer TLS certificate file.'),
    peer_election_timeout: int('Milliseconds a peer waits before starting an election.'),
    peer_heartbeat_interval: int('Milliseconds between heartbeats to peers.'),
    peer_key_file: str('Peer TLS key file.'),
    peers: str('Comma-separated list of initial peers (host:port).'),
    peers_file: str('File holding the list of initial peers.'),
    proxy: str('etcd2 option; has no effect on etcd 0.4.', { deprecatedReason: ETCD_GONE }),
    retry_interval: float('Seconds between attempts to join a cluster.'),
    snapshot: bool('Enable log snapshots.'),
    snapshot_count: int('Committed transactions between snapshots.'),
    trace: str('Trace settings.'),
    verbose: bool('Verbose logging.'),
    very_verbose: bool('Very verbose logging.'),
    very_very_verbose: bool('Very, very verbose logging.'),
  },
  { deprecatedReason: 'etcd is no longer shipped in Container Linux' },
);

const etcd2 = struct(
  'Settings for etcd2 (etcd2.service), written to a systemd drop-in as ETCD_* variables.',
  {
    advertise_client_urls: str('Client URLs this member advertises to the cluster (comma-separated).'),
    ca_file: str('CA certificate file for client TLS.', { deprecatedReason: 'ca_file obsoleted by trusted_ca_file and client_cert_auth' }),
    cert_file: str('Client TLS certificate file.'),
    client_cert_auth: bool('Require client certificates.'),
    cors: str('Comma-separated CORS origins.'),
    data_dir: str('Directory for etcd data.'),
    debug: bool('Debug logging.'),
    discovery: str('Discovery URL (e.g. https://discovery.etcd.io/<token>) used to bootstrap the cluster.'),
    discovery_fallback: str('What to do when discovery fails: exit or proxy.'),
    discovery_srv: str('DNS domain for SRV-record discovery.'),
    discovery_proxy: str('HTTP proxy for the discovery service.'),
    election_timeout: int('Milliseconds a member waits before starting an election.'),
    enable_pprof: bool('Serve runtime profiling data over HTTP (/debug/pprof).'),
    force_new_cluster: bool('Start a new single-member cluster from existing data.'),
    heartbeat_interval: int('Milliseconds between heartbeats.'),
    initial_advertise_peer_urls: str('Peer URLs this member advertises to the cluster (comma-separated).'),
    initial_cluster: str('Initial members as name=peerURL pairs, comma-separated.'),
    initial_cluster_state: str('new for a new cluster, existing to join one.', { values: ['new', 'existing'] }),
    initial_cluster_token: str('Token that keeps clusters apart during bootstrap.'),
    key_file: str('Client TLS key file.'),
    listen_client_urls: str('URLs to listen on for client traffic (comma-separated).'),
    listen_peer_urls: str('URLs to listen on for peer traffic (comma-separated).'),
    log_package_levels: str('Per-package log levels, e.g. etcdserver=WARNING.'),
    max_snapshots: int('Snapshot files to keep (0 = unlimited).'),
    max_wals: int('WAL files to keep (0 = unlimited).'),
    name: str('Human-readable name of this member; must match its entry in initial_cluster.'),
    peer_ca_file: str('CA certificate file for peer TLS.', { deprecatedReason: 'peer_ca_file obsoleted peer_trusted_ca_file and peer_client_cert_auth' }),
    peer_cert_file: str('Peer TLS certificate file.'),
    peer_key_file: str('Peer TLS key file.'),
    peer_client_cert_auth: bool('Require peer client certificates.'),
    peer_trusted_ca_file: str('CA file for peer client certificates.'),
    proxy: str('Proxy mode: off, on or readonly.', { valid: /^(on|off|readonly)$/, values: ['on', 'off', 'readonly'] }),
    proxy_dial_timeout: int('Milliseconds before a proxy dial times out.'),
    proxy_failure_wait: int('Milliseconds an endpoint is held failed.'),
    proxy_read_timeout: int('Milliseconds before a proxy read times out.'),
    proxy_refresh_interval: int('Milliseconds between endpoint refreshes.'),
    proxy_write_timeout: int('Milliseconds before a proxy write times out.'),
    snapshot_count: int('Committed transactions between snapshots.'),
    strict_reconfig_check: bool('Reject reconfiguration that could cause quorum loss.'),
    trusted_ca_file: str('CA file for client certificates.'),
    wal_dir: str('Dedicated directory for the write-ahead log.'),
  },
  { deprecatedReason: 'etcd2 is no longer shipped in Container Linux' },
);

const fleet = struct(
  'Settings for fleet (fleet.service), written to a systemd drop-in as FLEET_* variables.',
  {
    agent_ttl: str('How long the agent is considered alive without a heartbeat, e.g. 30s.'),
    authorized_keys_file: str('File with the SSH keys fleetctl may use.'),
    disable_engine: bool('Do not run the scheduling engine on this machine.'),
    engine_reconcile_interval: float('Seconds between engine reconciliations.'),
    etcd_cafile: str('CA certificate for etcd TLS.'),
    etcd_certfile: str('Client certificate for etcd TLS.'),
    etcd_keyfile: str('Client key for etcd TLS.'),
    etcd_key_prefix: str('etcd key prefix for fleet data.'),
    etcd_request_timeout: float('Seconds before an etcd request times out.'),
    etcd_servers: str('etcd endpoints fleet talks to (comma-separated URLs).'),
    etcd_username: str('User name for etcd authentication.'),
    etcd_password: str('Password for etcd authentication.'),
    metadata: str('Machine metadata as key=value pairs, comma-separated.'),
    public_ip: str('IP address this machine publishes to the cluster.'),
    token_limit: int('Maximum units returned per request.'),
    verbosity: int('Log verbosity.'),
    verify_units: bool('Verify unit signatures.'),
  },
  { deprecatedReason: 'fleet is no longer shipped in Container Linux' },
);

const flannel = struct('Settings for flannel (flanneld.service), written as FLANNELD_* variables.', {
  etcd_endpoints: str('etcd endpoints flannel talks to (comma-separated URLs).'),
  etcd_cafile: str('CA certificate for etcd TLS.'),
  etcd_certfile: str('Client certificate for etcd TLS.'),
  etcd_keyfile: str('Client key for etcd TLS.'),
  etcd_prefix: str('etcd prefix of the flannel network configuration.'),
  etcd_username: str('User name for etcd authentication.'),
  etcd_password: str('Password for etcd authentication.'),
  ip_masq: str('Set up IP masquerade for traffic leaving the overlay.'),
  subnet_file: str('File flannel writes its subnet lease to.'),
  interface: str('Interface (name or IP) for inter-host traffic.'),
  public_ip: str('IP address other hosts reach this one on.'),
});

const locksmith = struct('Settings for locksmith, the reboot manager (LOCKSMITHD_* variables).', {
  endpoint: str('etcd endpoints locksmith talks to (comma-separated URLs).'),
  etcd_cafile: str('CA certificate for etcd TLS.'),
  etcd_certfile: str('Client certificate for etcd TLS.'),
  etcd_keyfile: str('Client key for etcd TLS.'),
  etcd_username: str('User name for etcd authentication.'),
  etcd_password: str('Password for etcd authentication.'),
  group: str('Reboot lock group.'),
  window_start: str('Start of the reboot window, e.g. "Sun 1:00" or "2:30".', {
    valid: /^((sun|mon|tue|wed|thu|fri|sat|sun) )?0*([0-9]|1[0-9]|2[0-3]):0*([0-9]|[1-5][0-9])$/i,
  }),
  window_length: str('Length of the reboot window, e.g. 1h30m.', { valid: /^[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+$/ }),
});

const oem = struct('OEM release information written to /etc/oem-release.', {
  id: str('OEM id.'),
  name: str('OEM name.'),
  version_id: str('OEM version.'),
  home_url: str('OEM home page.'),
  bug_report_url: str('Where to report bugs.'),
});

const update = struct('Update settings, written to /etc/coreos/update.conf.', {
  reboot_strategy: str('What to do after an update: etcd-lock, reboot or off.', {
    valid: /^(etcd-lock|reboot|off)$/,
    values: ['etcd-lock', 'reboot', 'off'],
  }),
  group: str('Update channel (stable, beta, alpha) or a custom group.'),
  server: str('Update server URL.'),
});

const unitCommands = ['start', 'stop', 'restart', 'reload', 'try-restart', 'reload-or-restart', 'reload-or-try-restart'] as const;

const units = structList('systemd units to write and act on at boot.', {
  name: str('Unit name with its type suffix, e.g. etcd2.service.'),
  mask: bool('Mask the unit (link it to /dev/null).'),
  enable: bool('Enable the unit (needs an [Install] section).'),
  runtime: bool('Write the unit to /run instead of /etc (lost at reboot).'),
  content: str('Contents of the unit file.'),
  command: str('systemctl command to run on the unit after writing it.', {
    valid: new RegExp(`^(${unitCommands.join('|')})$`),
    values: unitCommands,
  }),
  drop_ins: structList('Drop-in files for the unit.', {
    name: str('Drop-in file name, ending in .conf.'),
    content: str('Contents of the drop-in.'),
  }),
});

const coreos = struct('CoreOS-specific settings.', {
  etcd,
  etcd2,
  flannel,
  fleet,
  locksmith,
  oem,
  update,
  units,
});

const encodings = ['base64', 'b64', 'gz', 'gzip', 'gz+base64', 'gzip+base64', 'gz+b64', 'gzip+b64'] as const;

const writeFiles = structList('Files to write at boot.', {
  encoding: str('Encoding of content: base64, gzip or gzip+base64 (and their short forms).', {
    valid: /^(base64|b64|gz|gzip|gz\+base64|gzip\+base64|gz\+b64|gzip\+b64)$/,
    values: encodings,
  }),
  content: str('File contents.'),
  owner: str('Owner as user, user:group or uid:gid.'),
  path: str('Absolute path of the file.'),
  permissions: str("Octal file mode; quote it, e.g. '0644'.", { valid: /^0?[0-7]{3,4}$/ }),
});

const users = structList('Users to create or modify.', {
  name: str('Login name.'),
  passwd: str('Password hash (crypt format, e.g. $6$...).'),
  ssh_authorized_keys: strList('SSH public keys for the user.'),
  coreos_ssh_import_github: str('GitHub user whose keys to import.', { deprecatedReason: REMOTE_KEYS }),
  coreos_ssh_import_github_users: strList('GitHub users whose keys to import.', { deprecatedReason: REMOTE_KEYS }),
  coreos_ssh_import_url: str('URL of keys to import.', { deprecatedReason: REMOTE_KEYS }),
  gecos: str('GECOS comment (full name).'),
  homedir: str('Home directory.'),
  no_create_home: bool('Do not create the home directory.'),
  primary_group: str('Primary group.'),
  groups: strList('Supplementary groups.'),
  no_user_group: bool('Do not create a group named after the user.'),
  system: bool('Create a system account.'),
  no_log_init: bool('Do not add the user to the lastlog and faillog databases.'),
  shell: str('Login shell.'),
});

export const cloudConfigSchema = struct('A cloud-config document for coreos-cloudinit.', {
  ssh_authorized_keys: strList('SSH public keys added for the core user.'),
  coreos,
  write_files: writeFiles,
  hostname: str('Host name of the machine.'),
  users,
  manage_etc_hosts: str('Set to localhost to have /etc/hosts generated.', { values: ['localhost'] }),
});

/**
 * What the editor opens with: one node of a three-node etcd2 + fleet cluster, written the way
 * the CoreOS docs recommend ($private_ipv4 substitution, etcd-lock reboots, quoted modes).
 */
export const exampleConfig = `#cloud-config

hostname: node-1

ssh_authorized_keys:
  - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHb0u6Yb7WvJ6m0pDq3zYkq0p8cN3Yb1n9Vq2xQd0kZc admin@example.com

coreos:
  etcd2:
    name: node-1
    initial_cluster: node-1=http://10.0.0.11:2380,node-2=http://10.0.0.12:2380,node-3=http://10.0.0.13:2380
    initial_cluster_state: new
    initial_cluster_token: etcd-cluster-1
    initial_advertise_peer_urls: http://$private_ipv4:2380
    advertise_client_urls: http://$private_ipv4:2379
    listen_client_urls: http://0.0.0.0:2379,http://0.0.0.0:4001
    listen_peer_urls: http://$private_ipv4:2380
  fleet:
    public_ip: $private_ipv4
    metadata: region=eu-west,role=worker
  update:
    reboot_strategy: etcd-lock
    group: stable
  locksmith:
    window_start: Sun 03:00
    window_length: 1h
  units:
    - name: etcd2.service
      command: start
    - name: fleet.service
      command: start
    - name: docker-tcp.socket
      command: start
      enable: true
      content: |
        [Unit]
        Description=Docker Socket for the API

        [Socket]
        ListenStream=127.0.0.1:2375
        Service=docker.service
        BindIPv6Only=both

        [Install]
        WantedBy=sockets.target
    - name: docker.service
      drop_ins:
        - name: 50-insecure-registry.conf
          content: |
            [Service]
            Environment=DOCKER_OPTS='--insecure-registry="10.0.0.0/8"'

write_files:
  - path: /etc/motd.d/cluster.conf
    permissions: '0644'
    owner: root
    content: |
      Member of the etcd cluster node-1, node-2, node-3.
`;

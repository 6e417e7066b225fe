import example from '../../examples/etcd-cluster-node.yaml?raw';

/**
 * What the editor opens with: one node of a three-node etcd2 + fleet cluster, written the way
 * the CoreOS docs recommend ($private_ipv4 substitution, etcd-lock reboots, quoted modes).
 * The file is also the CLI's example (`npm start` checks it).
 */
export const exampleConfig: string = example;

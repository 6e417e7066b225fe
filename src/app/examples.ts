import { exampleConfig } from './example-config';

/** A config the examples menu puts in the editor; each is a file in examples/. */
export interface Example {
  id: 'cloud-config' | 'ignition' | 'butane';
  label: string;
  fileName: string;
  /** The text, loaded on first use (only the cloud-config one is on the first screen). */
  load(): Promise<string>;
}

export const EXAMPLES: readonly Example[] = [
  { id: 'cloud-config', label: 'cloud-config: etcd cluster node', fileName: 'etcd-cluster-node.yaml', load: async () => exampleConfig },
  {
    id: 'ignition',
    label: 'Ignition: Flatcar node',
    fileName: 'ignition-basic.ign',
    load: async () => (await import('../../examples/ignition-basic.ign?raw')).default,
  },
  {
    id: 'butane',
    label: 'Butane: Flatcar node',
    fileName: 'butane-flatcar.bu',
    load: async () => (await import('../../examples/butane-flatcar.bu?raw')).default,
  },
];

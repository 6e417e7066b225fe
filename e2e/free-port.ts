import { createServer, type AddressInfo } from 'node:net';

/**
 * A port nobody uses at the moment: with a fixed one, a second checkout's script on the same
 * machine would silently talk to the other checkout's server.
 */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
  });

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConvertRequest, ConvertResponse } from '../worker/protocol';
import { ConversionClient } from './conversion-client';
import { FakeWorker as BaseFakeWorker } from './fake-worker';

/** A conversion worker that answers only when told to. */
class FakeWorker extends BaseFakeWorker<ConvertRequest> {
  answer(id: number, butane = `butane of ${id}`) {
    this.reply({ type: 'converted', id, butane, ignition: '{}', notes: [], errors: [] } satisfies ConvertResponse);
  }
  fail(id: number, message: string) {
    this.reply({ type: 'convert-failed', id, message } satisfies ConvertResponse);
  }
}

describe('ConversionClient', () => {
  let workers: FakeWorker[];
  let client: ConversionClient;
  beforeEach(() => {
    vi.useFakeTimers();
    workers = [];
    client = new ConversionClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
  });
  afterEach(() => {
    client.dispose();
    vi.useRealTimers();
  });

  it('starts its worker on the first conversion only', async () => {
    expect(workers).toHaveLength(0);
    const done = client.convert('#cloud-config\n');
    expect(workers).toHaveLength(1);
    expect(workers[0].posted).toEqual([{ type: 'convert', id: 1, text: '#cloud-config\n' }]);
    workers[0].answer(1);
    await expect(done).resolves.toMatchObject({ butane: 'butane of 1' });
  });

  it('answers only the latest request: an earlier one is dropped, its late answer ignored', async () => {
    const first = client.convert('a');
    const second = client.convert('b');
    await expect(first).rejects.toThrow('superseded');
    workers[0].answer(1);
    workers[0].answer(2);
    await expect(second).resolves.toMatchObject({ id: 2 });
    expect(workers).toHaveLength(1);
  });

  it('passes on a failure the worker reports', async () => {
    const done = client.convert('a');
    workers[0].fail(1, 'boom');
    await expect(done).rejects.toThrow('boom');
  });

  it('stops a run past its budget with its worker, and starts a fresh one for the next', async () => {
    const done = client.convert('a');
    const failed = expect(done).rejects.toThrow('took longer than 3 s');
    vi.advanceTimersByTime(3001);
    await failed;
    expect(workers[0].terminated).toBe(true);
    const next = client.convert('b');
    expect(workers).toHaveLength(2);
    workers[1].answer(2);
    await expect(next).resolves.toMatchObject({ id: 2 });
  });
});

import type { ConvertRequest, ConvertResponse } from '../worker/protocol';
import { timeBudget, type WorkerLike } from './validation-client';

export type Converted = Extract<ConvertResponse, { type: 'converted' }>;

/** A request dropped for a later one, or because the page closed the client: nothing to report. */
export class SupersededError extends Error {}

export const spawnConversionWorker = (): WorkerLike =>
  new Worker(new URL('../worker/convert.worker.ts', import.meta.url), { type: 'module', name: 'convert' });

/**
 * Runs conversions in their own worker, so the page never waits for one. Only the latest
 * request is answered: an earlier one still running is dropped. A run past its time budget
 * takes its worker with it (a fresh one starts for the next request).
 */
export class ConversionClient {
  private worker: WorkerLike | undefined;
  private lastId = 0;
  private pending: { id: number; resolve(c: Converted): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> } | undefined;

  constructor(private readonly spawn: () => WorkerLike = spawnConversionWorker) {}

  convert(text: string): Promise<Converted> {
    this.drop(new SupersededError('superseded'));
    const worker = (this.worker ??= this.start());
    const id = ++this.lastId;
    return new Promise<Converted>((resolve, reject) => {
      const budget = timeBudget(text.length);
      const timer = setTimeout(() => {
        this.worker?.terminate();
        this.worker = undefined;
        this.drop(new Error(`the conversion took longer than ${budget / 1000} s and was stopped`));
      }, budget);
      this.pending = { id, resolve, reject, timer };
      worker.postMessage({ type: 'convert', id, text } satisfies ConvertRequest);
    });
  }

  dispose(): void {
    this.drop(new SupersededError('closed'));
    this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): WorkerLike {
    const worker = this.spawn();
    worker.addEventListener('message', (e) => {
      const response = (e as MessageEvent<ConvertResponse>).data;
      const pending = this.pending;
      if (worker !== this.worker || !pending || response.id !== pending.id) return;
      clearTimeout(pending.timer);
      this.pending = undefined;
      if (response.type === 'converted') pending.resolve(response);
      else pending.reject(new Error(response.message));
    });
    worker.addEventListener('error', (e) => {
      if (worker !== this.worker) return;
      (e as Event).preventDefault();
      this.worker = undefined;
      worker.terminate();
      this.drop(new Error((e as ErrorEvent).message || 'the conversion worker failed to start'));
    });
    return worker;
  }

  private drop(error: Error): void {
    if (!this.pending) return;
    clearTimeout(this.pending.timer);
    this.pending.reject(error);
    this.pending = undefined;
  }
}

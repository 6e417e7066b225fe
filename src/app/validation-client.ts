import type { ValidateRequest, ValidateResponse } from '../worker/protocol';
import type { CheckOptions } from './check-options';

export interface ValidationInput extends CheckOptions {
  text: string;
}

export interface ValidationEvents {
  /** A result for exactly the current text and check options. */
  result(response: ValidateResponse): void;
  /** A run went over its time budget; its worker was replaced by a fresh one. */
  timeout(budgetMs: number): void;
  busy(busy: boolean): void;
  /** The worker could not run at all (failed to load, crashed). */
  failure(message: string): void;
}

export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;

/**
 * How long a run may take before it is taken for stuck: 3 s, or 2 ms per KB for big inputs,
 * which are slow but legitimate (a 5 MB config takes a few seconds).
 */
export const timeBudget = (chars: number) => Math.max(3000, chars / 512);

export const spawnValidationWorker = (): WorkerLike =>
  new Worker(new URL('../worker/validate.worker.ts', import.meta.url), { type: 'module', name: 'validate' });

/**
 * Keeps the worker's results in step with the editor. At most one run is in flight; edits made
 * meanwhile are coalesced into one follow-up run of the latest text. So small documents are
 * checked on every keystroke with no debounce delay, big ones as fast as the worker goes, and a
 * result for text that has since changed is never shown.
 */
export class ValidationClient {
  private worker: WorkerLike;
  private lastId = 0;
  private inFlight: { id: number; timer: ReturnType<typeof setTimeout> } | undefined;
  private dirty = false;

  constructor(
    private readonly read: () => ValidationInput,
    private readonly on: ValidationEvents,
    private readonly spawn: () => WorkerLike = spawnValidationWorker,
  ) {
    this.worker = this.start();
  }

  /** The text or the check options changed: check the latest as soon as the worker is free. */
  invalidate(): void {
    this.dirty = true;
    if (!this.inFlight) this.send();
  }

  dispose(): void {
    if (this.inFlight) clearTimeout(this.inFlight.timer);
    this.inFlight = undefined;
    this.worker.terminate();
  }

  private start(): WorkerLike {
    const worker = this.spawn();
    worker.addEventListener('message', (e) => this.receive(worker, (e as MessageEvent<ValidateResponse>).data));
    worker.addEventListener('error', (e) => {
      if (worker !== this.worker) return;
      (e as Event).preventDefault();
      this.settle();
      this.on.failure((e as ErrorEvent).message || 'the validation worker failed to start');
    });
    return worker;
  }

  private send(): void {
    this.dirty = false;
    const { text, rules, target } = this.read();
    const id = ++this.lastId;
    const budget = timeBudget(text.length);
    this.inFlight = { id, timer: setTimeout(() => this.stuck(budget), budget) };
    this.worker.postMessage({ id, text, rules, target } satisfies ValidateRequest);
    this.on.busy(true);
  }

  private receive(from: WorkerLike, response: ValidateResponse): void {
    if (from !== this.worker || response.id !== this.inFlight?.id) return;
    this.settle();
    // Edits made during the run make its result stale: check the latest text instead.
    if (this.dirty) this.send();
    else this.on.result(response);
  }

  private stuck(budget: number): void {
    this.worker.terminate();
    this.worker = this.start();
    this.settle();
    this.on.timeout(budget);
    // Do not retry the text that got stuck; an edit made since is worth a new run.
    if (this.dirty) this.send();
  }

  private settle(): void {
    if (this.inFlight) clearTimeout(this.inFlight.timer);
    this.inFlight = undefined;
    this.on.busy(false);
  }
}

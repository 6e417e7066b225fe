import { textEdit, type TextEdit } from '../core/text/common-ends';
import type { ValidateFailure, ValidateRequest, ValidateResponse, WorkerRequest } from '../worker/protocol';
import type { CheckOptions } from './check-options';

export interface ValidationInput extends CheckOptions {
  text: string;
  /** The text's version in `history`, where the page keeps one. */
  version?: number;
  history?: TextHistory;
}

/**
 * How the page's text came to be, version by version: it gives the edit between two versions
 * without comparing the texts, which at a megabyte would make the newer one a single string (see
 * DocText).
 */
export interface TextHistory {
  /** The edit that turns the text of version `from` into that of `to`; undefined where it is not known. */
  edit(from: number, to: number): TextEdit | undefined;
}

export interface ValidationEvents {
  /**
   * A result for exactly the current text and check options; for an edit of a big text, first a
   * provisional one (see EditEstimator; or none here, `checkNow` having returned it), then the
   * worker's.
   */
  result(response: ValidateResponse): void;
  /** A run went over its time budget; its worker was replaced by a fresh one. */
  timeout(budgetMs: number): void;
  busy(busy: boolean): void;
  /** The worker could not run at all (failed to load, crashed). */
  failure(message: string): void;
}

export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;

/**
 * How long a run may take before it is taken for stuck: 3 s, or 8 ms per KB for big inputs,
 * which are slow but legitimate: a 1 MB config takes a few hundred ms on an idle laptop, and
 * several times that on a slow or busy machine, which must not be mistaken for a hang.
 */
export const timeBudget = (chars: number) => Math.max(3000, chars / 128);

/**
 * Validates on the page's own thread, the same way the worker does; undefined when the text's
 * format has yet to load on the page (the worker takes that run).
 */
export type InlineValidator = (request: ValidateRequest) => ValidateResponse | undefined;

/** A completed run: what was validated and its answer. */
export interface CompletedRun {
  request: ValidateRequest;
  response: ValidateResponse;
}

/**
 * A provisional answer for an edit of a text too big to validate on this thread, from the last
 * completed run and a recheck of what the edit touched; undefined where none can be given. `edit`
 * turns the text of `before` into the one `request` is for. The first estimate from a run reads
 * its text whole (a megabyte: several ms); later ones from the same run, only what the edit touched.
 */
export type EditEstimator = (before: CompletedRun, request: Omit<ValidateRequest, 'text'>, edit: TextEdit) => ValidateResponse | undefined;

/** A text the client has validated or sent, with its version where the page gave one. */
interface SeenText {
  text: string;
  version?: number;
}

/**
 * Texts up to this size whose last run, or the one before it, took at most INLINE_MAX_MS are
 * validated on the page's thread, in the same frame as the keystroke (one slow run, a garbage
 * collection say, does not send the next keystroke on the round trip; two in a row do). For them, the trip to the worker and back (two
 * thread hops and two tasks, often a frame or more on a busy machine) costs far more than the
 * validation itself. Anything bigger or slower goes to the worker, which can be stopped.
 */
export const INLINE_MAX_CHARS = 16 * 1024;
/** Texts from this size go to the worker as the edit of the text it holds (see WorkerRequest). */
export const EDIT_MIN_CHARS = 64 * 1024;
export const INLINE_MAX_MS = 8;
/**
 * An anchor (`&name`): with aliases, a few hundred bytes can expand to millions of values and
 * take the validator a second; a keystroke can complete such a text, so those go to the worker.
 * (Errs on the safe side: `&&` in a shell line also counts.)
 */
const ANCHOR = /(?:^|[\s[{,:-])&\S/m;

interface Scheduler {
  postTask(task: () => void, options: { priority: 'user-blocking'; signal: AbortSignal }): Promise<void>;
}

/**
 * Runs `task` in a task of its own, soon: ahead of other queued work (a worker's answer, a timer)
 * where the browser has a task scheduler, so that what the user typed is marked first.
 */
function soon(task: () => void): () => void {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (!scheduler) {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  const controller = new AbortController();
  scheduler.postTask(task, { priority: 'user-blocking', signal: controller.signal }).catch(() => undefined);
  return () => controller.abort();
}

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
  /** The text of the last request the current worker was sent. */
  private held: (SeenText & { id: number }) | undefined;
  private lastId = 0;
  private inFlight: { request: ValidateRequest; version?: number; timer: ReturnType<typeof setTimeout> } | undefined;
  private dirty = false;
  private inline: InlineValidator | undefined;
  private estimator: EditEstimator | undefined;
  /** The last run that finished, in the worker or here: what provisional answers start from. */
  private lastRun: (CompletedRun & { version?: number }) | undefined;
  private inlineQueued = false;
  /** Cancels the estimate queued for the task after an edit's. */
  private cancelEstimate: (() => void) | undefined;
  /** Whether an estimate has started from `lastRun` (so its text has been read whole). */
  private lastRunRead = false;
  /** How long the last two runs took; nothing runs inline before a run has shown it is quick. */
  private recentMs: [number, number] = [Infinity, Infinity];

  constructor(
    private readonly read: () => ValidationInput,
    private readonly on: ValidationEvents,
    private readonly spawn: () => WorkerLike = spawnValidationWorker,
  ) {
    this.worker = this.start();
  }

  /** The text or the check options changed: check the latest as soon as the worker is free. */
  invalidate(input?: ValidationInput): void {
    this.dirty = true;
    if (this.inFlight || this.inlineQueued) return;
    if (!this.inline || !this.quick()) {
      this.send(input);
      return;
    }
    // After the current task (an editor update) has finished, but before the next frame.
    this.inlineQueued = true;
    queueMicrotask(() => {
      this.inlineQueued = false;
      if (this.dirty && !this.inFlight) this.runInline();
    });
  }

  /**
   * The text (now `length` characters long) changed, and its result is wanted within this task:
   * a small, quick text is validated here and now and its result returned (not reported through
   * `result`), so that the editor can draw the edit and its markers in one update. A big one gets
   * a provisional answer (see EditEstimator): returned too, once one has been made from the last
   * complete run; the first from a run reads that run's text whole, so it comes in a task after
   * this one, lest the two grow into one long task. Anything else goes the way of `invalidate`.
   */
  checkNow(length = this.read().text.length): ValidateResponse | undefined {
    if (length > INLINE_MAX_CHARS && this.estimator && this.lastRun) {
      if (this.lastRunRead && !this.cancelEstimate) return this.estimate();
      this.estimateSoon();
      return undefined;
    }
    const input = this.read();
    if (this.inFlight || this.inlineQueued || !this.inline || !this.quick()) {
      this.invalidate(input);
      return undefined;
    }
    this.dirty = true;
    return this.runInline(false, input);
  }

  /** A big text changed: its estimate, reported in a task after the edit's. */
  private estimateSoon(): void {
    this.dirty = true;
    if (this.cancelEstimate) return;
    this.cancelEstimate = soon(() => {
      this.cancelEstimate = undefined;
      if (!this.dirty) return; // a run has taken the latest text meanwhile
      const estimate = this.estimate();
      if (estimate) this.on.result(estimate);
    });
  }

  /**
   * The latest text's provisional answer from the last complete run, if one can be given; the
   * text goes to the worker now, or (still busy with an earlier text) as soon as it answers, and
   * the worker's answer replaces this one. An estimate is not one of `recentMs`: it says nothing
   * of a whole run's time.
   */
  private estimate(): ValidateResponse | undefined {
    this.dirty = true;
    const input = this.read();
    const before = this.lastRun;
    let estimate: ValidateResponse | undefined;
    try {
      if (before && this.estimator) {
        this.lastRunRead = true;
        const edit = this.editFrom({ text: before.request.text, version: before.version }, input);
        estimate = this.estimator(before, { id: this.lastId, rules: input.rules, target: input.target }, edit);
      }
    } catch {
      this.estimator = undefined;
    }
    if (!this.inFlight) this.send(input);
    return estimate;
  }

  /** The edit from `seen` to `input`: from the page's history where it has it, else by comparing the texts. */
  private editFrom(seen: SeenText, input: ValidationInput): TextEdit {
    const known = seen.version !== undefined && input.version !== undefined ? input.history?.edit(seen.version, input.version) : undefined;
    return known ?? textEdit(seen.text, input.text);
  }

  private took(ms: number): void {
    this.recentMs = [this.recentMs[1], ms];
  }

  private quick(): boolean {
    return Math.min(...this.recentMs) <= INLINE_MAX_MS;
  }

  /**
   * Lets small, quick texts be validated on the page's thread from now on, and edits of big ones
   * be estimated. `warmMs`: how long a run on this thread took, once its code had warmed up.
   */
  enableInline(validator: InlineValidator, estimator?: EditEstimator, warmMs?: number): void {
    this.inline = validator;
    this.estimator = estimator;
    if (warmMs !== undefined) this.took(warmMs);
  }

  dispose(): void {
    this.cancelEstimate?.();
    if (this.inFlight) clearTimeout(this.inFlight.timer);
    this.inFlight = undefined;
    this.worker.terminate();
  }

  private start(): WorkerLike {
    const worker = this.spawn();
    this.held = undefined;
    worker.addEventListener('message', (e) => this.receive(worker, (e as MessageEvent<ValidateResponse | ValidateFailure>).data));
    worker.addEventListener('error', (e) => {
      if (worker !== this.worker) return;
      (e as Event).preventDefault();
      this.settle();
      this.on.failure((e as ErrorEvent).message || 'the validation worker failed to start');
    });
    return worker;
  }

  /** Validates the latest input on this thread, or sends it to the worker when it is not for here. */
  private runInline(report = true, input = this.read()): ValidateResponse | undefined {
    if (input.text.length > INLINE_MAX_CHARS || ANCHOR.test(input.text)) {
      this.send(input);
      return undefined;
    }
    this.dirty = false;
    const request = { id: ++this.lastId, ...input };
    let response: ValidateResponse | undefined;
    try {
      response = this.inline!(request);
    } catch {
      // Whatever failed here is the worker's to report, where it can be contained.
      this.inline = undefined;
    }
    if (!response) {
      this.send(input);
      return undefined;
    }
    this.took(response.ms);
    this.lastRun = { request, response, version: input.version };
    this.lastRunRead = false;
    if (report) this.on.result(response);
    return response;
  }

  private send(input = this.read()): void {
    this.dirty = false;
    const { text, rules, target, version } = input;
    const request: ValidateRequest = { id: ++this.lastId, text, rules, target };
    const budget = timeBudget(text.length);
    this.inFlight = { request, version, timer: setTimeout(() => this.stuck(budget), budget) };
    const held = this.held;
    this.worker.postMessage(
      (held && text.length >= EDIT_MIN_CHARS ? { id: request.id, rules, target, edit: { base: held.id, ...this.editFrom(held, input) } } : request) satisfies WorkerRequest,
    );
    this.held = { id: request.id, text, version };
    this.on.busy(true);
  }

  private receive(from: WorkerLike, response: ValidateResponse | ValidateFailure): void {
    const { request, version } = this.inFlight ?? {};
    if (from !== this.worker || response.id !== request?.id) return;
    this.settle();
    if ('failure' in response) {
      this.on.failure(response.failure);
      return;
    }
    this.took(response.ms);
    // Complete for its text even when edits have made it stale: later estimates can start from it.
    this.lastRun = { request, response, version };
    this.lastRunRead = false;
    // Edits made during the run make its result stale: check the latest text instead.
    if (this.dirty) this.send();
    else this.on.result(response);
  }

  private stuck(budget: number): void {
    this.recentMs = [Infinity, Infinity];
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

/**
 * The first YAML syntax error of a text, exactly as libyaml reports it: its message, its problem
 * mark and its context mark. The reference validator parses cloud-configs with go-yaml v1, a Go
 * port of libyaml 0.1.x, and reports a syntax error at libyaml's 0-based problem line (or context
 * line), so reproducing its findings needs libyaml's own scanner and parser rather than another
 * parser's idea of where the error is. See ./libyaml/scanner.ts and ./libyaml/parser.ts.
 */
import { Ev, Parser } from './libyaml/parser';
import { LibyamlFailure, type Dialect, type Mark } from './libyaml/scanner';

export type { Dialect } from './libyaml/scanner';

/** 0-based, libyaml's own counting: CR LF, CR, LF, NEL, LS and PS each end a line; columns count characters. */
export interface LibyamlMark {
  /** UTF-16 offset into the text. */
  offset: number;
  line: number;
  column: number;
}

export interface LibyamlError {
  kind: 'scanner' | 'parser' | 'reader';
  problem: string;
  /** Absent for reader errors, which libyaml reports by byte offset only (go-yaml then prints no line). */
  problemMark?: LibyamlMark;
  context?: string;
  contextMark?: LibyamlMark;
}

export interface LibyamlOptions {
  /**
   * 'go-yaml-v1' (the default) follows libyaml 0.1.x as go-yaml v1 ports it; 'libyaml-0.2.5'
   * follows the libyaml behind today's PyYAML, for comparing against it. They differ in a few
   * corners: ':' and '?' inside plain scalars in flow collections, ',' '[' ']' in tags, %YAML 1.2,
   * the \' and \/ escapes, long %YAML version numbers, and the wording of two errors.
   */
  dialect?: Dialect;
}

const toMark = (m: Mark): LibyamlMark => ({ offset: m.offset, line: m.line, column: m.column });

/**
 * The first error libyaml raises while parsing the FIRST document of `text`, or undefined.
 *
 * Like go-yaml's Unmarshal, it reads the events of the first document up to its DOCUMENT-END,
 * and then one event more (the next DOCUMENT-START or the STREAM-END), so an error in what
 * follows `...` or in the next document's directives still counts; the next document's content
 * is never read. Never throws; time and memory are linear in the input, and nesting depth is
 * bounded only by memory.
 */
export function firstLibyamlError(text: string, options: LibyamlOptions = {}): LibyamlError | undefined {
  try {
    const dialect = options.dialect ?? 'go-yaml-v1';
    const parser = new Parser(text, dialect);
    for (;;) {
      const event = parser.parse();
      if (event === undefined || event === Ev.StreamEnd) return undefined;
      if (event === Ev.DocumentEnd) {
        // yaml.v3 stops at the document's end; go-yaml v1 reads one event more.
        if (dialect !== 'yaml-v3') parser.parse();
        return undefined;
      }
    }
  } catch (e) {
    // Only libyaml's own failures are syntax errors; anything else is a bug, and must surface.
    if (!(e instanceof LibyamlFailure)) throw e;
    return failureToError(e);
  }
}

/** The error a parser failure reports. */
export function failureToError(e: LibyamlFailure): LibyamlError {
  const error: LibyamlError = { kind: e.kind, problem: e.problem };
  if (e.problemMark) error.problemMark = toMark(e.problemMark);
  if (e.context !== undefined) error.context = e.context;
  if (e.contextMark) error.contextMark = toMark(e.contextMark);
  return error;
}

/**
 * The line go-yaml v1 reports for an error (1-based as the reference prints it): the problem
 * mark's 0-based line if it is not 0, else the context mark's if that is not 0, else 1.
 */
export function referenceLine(error: LibyamlError): number {
  return error.problemMark?.line || error.contextMark?.line || 1;
}

/**
 * The line yaml.v3 prints (`yaml: line N: ...`), or 0 when it prints none: the context mark's
 * 0-based line if not 0, else the problem mark's, plus one for scanner errors only (a scanner
 * error without a context still has a context mark, at its problem).
 */
export function yamlV3Line(error: LibyamlError): number {
  const bump = error.kind === 'scanner' ? 1 : 0;
  const context = error.contextMark ?? (error.kind === 'scanner' ? error.problemMark : undefined);
  if (context && context.line !== 0) return context.line + bump;
  if (error.problemMark && error.problemMark.line !== 0) return error.problemMark.line + bump;
  return 0;
}

/** Where an error points in the text: its problem, else its context, else the start. */
export function libyamlOffset(error: LibyamlError): number {
  return error.problemMark?.offset ?? error.contextMark?.offset ?? 0;
}

/**
 * A port of libyaml's parser (parser.c): the same state machine, with an explicit stack of
 * states and marks instead of recursion, so deeply nested input cannot exhaust the call stack.
 * It produces only the kinds of events, not their contents; what matters is that it asks the
 * scanner for exactly the tokens libyaml asks for, and fails where libyaml fails.
 */
import { LibyamlFailure, Scanner, Tok, type Dialect, type Mark, type Token, dialectRules } from './scanner';

/** The contents of an event (values mode). */
export interface EventDetails {
  /** SCALAR: its token (undefined for an empty scalar); ALIAS: the alias token. */
  token: Token | undefined;
  anchor: string | undefined;
  /** The resolved tag ('!!str' is 'tag:yaml.org,2002:str'). */
  tag: string | undefined;
  /** [start, end) of the tag token, where the node has one. */
  tagSpan: [number, number] | undefined;
  /** SEQUENCE-START, MAPPING-START: the offset of the collection's first token (after its properties). */
  start: number;
  /** The event's start line (0-based): its first property, else its first token, as libyaml marks it. */
  line: number;
  /** SEQUENCE-END, MAPPING-END of a flow collection: the offset after its closing bracket; -1 otherwise. */
  end: number;
  /** SEQUENCE-START, MAPPING-START: whether it starts a flow collection. */
  flow: boolean;
  /** An empty SCALAR standing for a mapping value without ':' (or a key without '?' or a simple key). */
  absent: boolean;
}

export enum Ev {
  StreamStart,
  StreamEnd,
  DocumentStart,
  DocumentEnd,
  Alias,
  Scalar,
  SequenceStart,
  SequenceEnd,
  MappingStart,
  MappingEnd,
}

enum St {
  StreamStart,
  ImplicitDocumentStart,
  DocumentStart,
  DocumentContent,
  DocumentEnd,
  BlockNode,
  BlockNodeOrIndentlessSequence,
  FlowNode,
  BlockSequenceFirstEntry,
  BlockSequenceEntry,
  IndentlessSequenceEntry,
  BlockMappingFirstKey,
  BlockMappingKey,
  BlockMappingValue,
  FlowSequenceFirstEntry,
  FlowSequenceEntry,
  FlowSequenceEntryMappingKey,
  FlowSequenceEntryMappingValue,
  FlowSequenceEntryMappingEnd,
  FlowMappingFirstKey,
  FlowMappingKey,
  FlowMappingValue,
  FlowMappingEmptyValue,
  End,
}

/** A growable stack of small integers; deep nesting keeps one entry per level alive. */
class IntStack {
  private items = new Int32Array(64);
  length = 0;

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }

  pop(): number {
    return this.items[--this.length];
  }
}

export class Parser {
  private readonly scanner: Scanner;
  private readonly acceptsYaml12: boolean;
  private state = St.StreamStart;
  private readonly states = new IntStack();
  /** Start marks of the collections being parsed (offset, index, line, column), for the context of their errors. */
  private readonly marks = new IntStack();
  /** Tag handles declared for the current document (with the defaults '!' and '!!'). */
  private tagHandles = new Set<string>();

  /**
   * With `values` set, what a tree needs to know about the last event: see `EventDetails`.
   * Undefined otherwise.
   */
  readonly details: EventDetails | undefined;
  /** The prefixes of the current document's tag handles (values mode). */
  private prefixes = new Map<string, string>();

  constructor(text: string, dialect: Dialect, values = false) {
    this.scanner = new Scanner(text, dialect, values);
    this.acceptsYaml12 = dialectRules(dialect).acceptsYaml12;
    if (values) this.details = { token: undefined, anchor: undefined, tag: undefined, tagSpan: undefined, start: 0, line: 0, end: 0, flow: false, absent: false };
  }

  /** The end of the last token consumed that has one (values mode). */
  get lastEnd(): number {
    return this.scanner.lastEnd;
  }

  private peek(): Token {
    return this.scanner.peekToken();
  }

  private skip(): void {
    this.scanner.skipToken();
  }

  private fail(problem: string, problemMark: Mark, context?: string, contextMark?: Mark): never {
    throw new LibyamlFailure('parser', problem, problemMark, context, contextMark);
  }

  /** yaml_parser_parse: the next event, or undefined once the stream has ended. */
  parse(): Ev | undefined {
    if (this.scanner.streamEndProduced || this.state === St.End) return undefined;
    const d = this.details;
    if (d) {
      d.token = undefined;
      d.anchor = undefined;
      d.tag = undefined;
      d.tagSpan = undefined;
      d.end = -1;
      d.absent = false;
    }
    switch (this.state) {
      case St.StreamStart:
        return this.parseStreamStart();
      case St.ImplicitDocumentStart:
        return this.parseDocumentStart(true);
      case St.DocumentStart:
        return this.parseDocumentStart(false);
      case St.DocumentContent:
        return this.parseDocumentContent();
      case St.DocumentEnd:
        return this.parseDocumentEnd();
      case St.BlockNode:
        return this.parseNode(true, false);
      case St.BlockNodeOrIndentlessSequence:
        return this.parseNode(true, true);
      case St.FlowNode:
        return this.parseNode(false, false);
      case St.BlockSequenceFirstEntry:
        return this.parseBlockSequenceEntry(true);
      case St.BlockSequenceEntry:
        return this.parseBlockSequenceEntry(false);
      case St.IndentlessSequenceEntry:
        return this.parseIndentlessSequenceEntry();
      case St.BlockMappingFirstKey:
        return this.parseBlockMappingKey(true);
      case St.BlockMappingKey:
        return this.parseBlockMappingKey(false);
      case St.BlockMappingValue:
        return this.parseBlockMappingValue();
      case St.FlowSequenceFirstEntry:
        return this.parseFlowSequenceEntry(true);
      case St.FlowSequenceEntry:
        return this.parseFlowSequenceEntry(false);
      case St.FlowSequenceEntryMappingKey:
        return this.parseFlowSequenceEntryMappingKey();
      case St.FlowSequenceEntryMappingValue:
        return this.parseFlowSequenceEntryMappingValue();
      case St.FlowSequenceEntryMappingEnd:
        this.state = St.FlowSequenceEntry;
        this.peek();
        return Ev.MappingEnd;
      case St.FlowMappingFirstKey:
        return this.parseFlowMappingKey(true);
      case St.FlowMappingKey:
        return this.parseFlowMappingKey(false);
      case St.FlowMappingValue:
        return this.parseFlowMappingValue(false);
      case St.FlowMappingEmptyValue:
        return this.parseFlowMappingValue(true);
      default:
        return undefined;
    }
  }

  private popState(): St {
    return this.states.length ? (this.states.pop() as St) : St.End;
  }

  private pushMark(mark: Mark): void {
    this.marks.push(mark.offset);
    this.marks.push(mark.index);
    this.marks.push(mark.line);
    this.marks.push(mark.column);
  }

  private popMark(): Mark {
    const column = this.marks.pop();
    const line = this.marks.pop();
    const index = this.marks.pop();
    const offset = this.marks.pop();
    return { offset, index, line, column };
  }

  private parseStreamStart(): Ev {
    this.peek(); // STREAM-START is always the first token
    this.state = St.ImplicitDocumentStart;
    this.skip();
    return Ev.StreamStart;
  }

  /**
   * implicit_document ::= block_node DOCUMENT-END*
   * explicit_document ::= DIRECTIVE* DOCUMENT-START block_node? DOCUMENT-END*
   */
  private parseDocumentStart(implicit: boolean): Ev {
    let token = this.peek();
    if (!implicit) {
      // Extra '...' lines between documents.
      while (token.type === Tok.DocumentEnd) {
        this.skip();
        token = this.peek();
      }
    }
    if (
      implicit &&
      token.type !== Tok.VersionDirective &&
      token.type !== Tok.TagDirective &&
      token.type !== Tok.DocumentStart &&
      token.type !== Tok.StreamEnd
    ) {
      this.processDirectives();
      this.states.push(St.DocumentEnd);
      this.state = St.BlockNode;
      return Ev.DocumentStart;
    }
    if (token.type !== Tok.StreamEnd) {
      this.processDirectives();
      token = this.peek();
      if (token.type !== Tok.DocumentStart) this.fail('did not find expected <document start>', token.start);
      this.states.push(St.DocumentEnd);
      this.state = St.DocumentContent;
      this.skip();
      return Ev.DocumentStart;
    }
    this.state = St.End;
    this.skip();
    return Ev.StreamEnd;
  }

  private parseDocumentContent(): Ev {
    const token = this.peek();
    if (
      token.type === Tok.VersionDirective ||
      token.type === Tok.TagDirective ||
      token.type === Tok.DocumentStart ||
      token.type === Tok.DocumentEnd ||
      token.type === Tok.StreamEnd
    ) {
      this.state = this.popState();
      return Ev.Scalar; // an empty document
    }
    return this.parseNode(true, false);
  }

  private parseDocumentEnd(): Ev {
    const token = this.peek();
    if (token.type === Tok.DocumentEnd) this.skip();
    this.tagHandles = new Set();
    if (this.details) this.prefixes = new Map();
    this.state = St.DocumentStart;
    return Ev.DocumentEnd;
  }

  /**
   * block_node ::= ALIAS | properties block_content? | block_content
   * flow_node  ::= ALIAS | properties flow_content? | flow_content
   * properties ::= TAG ANCHOR? | ANCHOR TAG?
   */
  private parseNode(block: boolean, indentlessSequence: boolean): Ev {
    let token = this.peek();
    const d = this.details;
    if (token.type === Tok.Alias) {
      this.state = this.popState();
      this.skip();
      if (d) {
        d.token = token;
        d.line = token.start.line;
      }
      return Ev.Alias;
    }
    const startMark = token.start;
    let hasAnchor = false;
    let anchor: Token | undefined;
    let tag: Token | undefined;
    if (token.type === Tok.Anchor) {
      hasAnchor = true;
      anchor = token;
      this.skip();
      token = this.peek();
      if (token.type === Tok.Tag) {
        tag = token;
        this.skip();
        token = this.peek();
      }
    } else if (token.type === Tok.Tag) {
      tag = token;
      this.skip();
      token = this.peek();
      if (token.type === Tok.Anchor) {
        hasAnchor = true;
        anchor = token;
        this.skip();
        token = this.peek();
      }
    }
    if (tag && tag.handle && !this.tagHandles.has(tag.handle)) {
      this.fail('found undefined tag handle', tag.start, 'while parsing a node', startMark);
    }
    if (d) {
      d.start = token.start.offset;
      d.line = startMark.line;
      d.flow = token.type === Tok.FlowSequenceStart || token.type === Tok.FlowMappingStart;
      if (anchor) d.anchor = anchor.value;
      if (tag) {
        d.tag = this.resolveTag(tag);
        d.tagSpan = [tag.start.offset, tag.end!];
      }
    }

    if (indentlessSequence && token.type === Tok.BlockEntry) {
      this.state = St.IndentlessSequenceEntry;
      return Ev.SequenceStart;
    }
    switch (token.type) {
      case Tok.Scalar:
        this.state = this.popState();
        this.skip();
        if (d) d.token = token;
        return Ev.Scalar;
      case Tok.FlowSequenceStart:
        this.state = St.FlowSequenceFirstEntry;
        return Ev.SequenceStart;
      case Tok.FlowMappingStart:
        this.state = St.FlowMappingFirstKey;
        return Ev.MappingStart;
    }
    if (block && token.type === Tok.BlockSequenceStart) {
      this.state = St.BlockSequenceFirstEntry;
      return Ev.SequenceStart;
    }
    if (block && token.type === Tok.BlockMappingStart) {
      this.state = St.BlockMappingFirstKey;
      return Ev.MappingStart;
    }
    if (hasAnchor || tag) {
      // Properties without content: an empty scalar.
      this.state = this.popState();
      return Ev.Scalar;
    }
    this.fail(
      'did not find expected node content',
      token.start,
      block ? 'while parsing a block node' : 'while parsing a flow node',
      startMark,
    );
  }

  /** block_sequence ::= BLOCK-SEQUENCE-START (BLOCK-ENTRY block_node?)* BLOCK-END */
  private parseBlockSequenceEntry(first: boolean): Ev {
    if (first) {
      this.pushMark(this.peek().start);
      this.skip();
    }
    let token = this.peek();
    if (token.type === Tok.BlockEntry) {
      this.skip();
      token = this.peek();
      if (token.type !== Tok.BlockEntry && token.type !== Tok.BlockEnd) {
        this.states.push(St.BlockSequenceEntry);
        return this.parseNode(true, false);
      }
      this.state = St.BlockSequenceEntry;
      return Ev.Scalar;
    }
    if (token.type === Tok.BlockEnd) {
      this.state = this.popState();
      this.popMark();
      this.skip();
      return Ev.SequenceEnd;
    }
    this.fail("did not find expected '-' indicator", token.start, 'while parsing a block collection', this.popMark());
  }

  /** indentless_sequence ::= (BLOCK-ENTRY block_node?)+ */
  private parseIndentlessSequenceEntry(): Ev {
    let token = this.peek();
    if (token.type === Tok.BlockEntry) {
      this.skip();
      token = this.peek();
      if (
        token.type !== Tok.BlockEntry &&
        token.type !== Tok.Key &&
        token.type !== Tok.Value &&
        token.type !== Tok.BlockEnd
      ) {
        this.states.push(St.IndentlessSequenceEntry);
        return this.parseNode(true, false);
      }
      this.state = St.IndentlessSequenceEntry;
      return Ev.Scalar;
    }
    this.state = this.popState();
    return Ev.SequenceEnd;
  }

  /**
   * block_mapping ::= BLOCK-MAPPING-START
   *                   ((KEY block_node_or_indentless_sequence?)? (VALUE block_node_or_indentless_sequence?)?)*
   *                   BLOCK-END
   */
  private parseBlockMappingKey(first: boolean): Ev {
    if (first) {
      this.pushMark(this.peek().start);
      this.skip();
    }
    let token = this.peek();
    if (token.type === Tok.Key) {
      this.skip();
      token = this.peek();
      if (token.type !== Tok.Key && token.type !== Tok.Value && token.type !== Tok.BlockEnd) {
        this.states.push(St.BlockMappingValue);
        return this.parseNode(true, true);
      }
      this.state = St.BlockMappingValue;
      return Ev.Scalar;
    }
    if (token.type === Tok.BlockEnd) {
      this.state = this.popState();
      this.popMark();
      this.skip();
      return Ev.MappingEnd;
    }
    this.fail('did not find expected key', token.start, 'while parsing a block mapping', this.popMark());
  }

  private parseBlockMappingValue(): Ev {
    let token = this.peek();
    if (token.type === Tok.Value) {
      this.skip();
      token = this.peek();
      if (token.type !== Tok.Key && token.type !== Tok.Value && token.type !== Tok.BlockEnd) {
        this.states.push(St.BlockMappingKey);
        return this.parseNode(true, true);
      }
    } else if (this.details) {
      this.details.absent = true;
    }
    this.state = St.BlockMappingKey;
    return Ev.Scalar;
  }

  /**
   * flow_sequence ::= FLOW-SEQUENCE-START (flow_sequence_entry FLOW-ENTRY)* flow_sequence_entry? FLOW-SEQUENCE-END
   * flow_sequence_entry ::= flow_node | KEY flow_node? (VALUE flow_node?)?
   */
  private parseFlowSequenceEntry(first: boolean): Ev {
    if (first) {
      this.pushMark(this.peek().start);
      this.skip();
    }
    let token = this.peek();
    if (token.type !== Tok.FlowSequenceEnd) {
      if (!first) {
        if (token.type === Tok.FlowEntry) {
          this.skip();
          token = this.peek();
        } else {
          this.fail("did not find expected ',' or ']'", token.start, 'while parsing a flow sequence', this.popMark());
        }
      }
      if (token.type === Tok.Key) {
        // A single-pair mapping inside the sequence: [a: b].
        this.state = St.FlowSequenceEntryMappingKey;
        this.skip();
        if (this.details) {
          this.details.start = token.start.offset;
          this.details.line = token.start.line;
          this.details.flow = true;
        }
        return Ev.MappingStart;
      }
      if (token.type !== Tok.FlowSequenceEnd) {
        this.states.push(St.FlowSequenceEntry);
        return this.parseNode(false, false);
      }
    }
    this.state = this.popState();
    this.popMark();
    this.skip();
    if (this.details) this.details.end = token.end ?? -1;
    return Ev.SequenceEnd;
  }

  private parseFlowSequenceEntryMappingKey(): Ev {
    const token = this.peek();
    if (token.type !== Tok.Value && token.type !== Tok.FlowEntry && token.type !== Tok.FlowSequenceEnd) {
      this.states.push(St.FlowSequenceEntryMappingValue);
      return this.parseNode(false, false);
    }
    // libyaml consumes the token here, whatever it is (so `[? , x]` loses the ',').
    this.skip();
    this.state = St.FlowSequenceEntryMappingValue;
    return Ev.Scalar;
  }

  private parseFlowSequenceEntryMappingValue(): Ev {
    let token = this.peek();
    if (token.type === Tok.Value) {
      this.skip();
      token = this.peek();
      if (token.type !== Tok.FlowEntry && token.type !== Tok.FlowSequenceEnd) {
        this.states.push(St.FlowSequenceEntryMappingEnd);
        return this.parseNode(false, false);
      }
    } else if (this.details) {
      this.details.absent = true;
    }
    this.state = St.FlowSequenceEntryMappingEnd;
    return Ev.Scalar;
  }

  /**
   * flow_mapping ::= FLOW-MAPPING-START (flow_mapping_entry FLOW-ENTRY)* flow_mapping_entry? FLOW-MAPPING-END
   * flow_mapping_entry ::= flow_node | KEY flow_node? (VALUE flow_node?)?
   */
  private parseFlowMappingKey(first: boolean): Ev {
    if (first) {
      this.pushMark(this.peek().start);
      this.skip();
    }
    let token = this.peek();
    if (token.type !== Tok.FlowMappingEnd) {
      if (!first) {
        if (token.type === Tok.FlowEntry) {
          this.skip();
          token = this.peek();
        } else {
          this.fail("did not find expected ',' or '}'", token.start, 'while parsing a flow mapping', this.popMark());
        }
      }
      if (token.type === Tok.Key) {
        this.skip();
        token = this.peek();
        if (token.type !== Tok.Value && token.type !== Tok.FlowEntry && token.type !== Tok.FlowMappingEnd) {
          this.states.push(St.FlowMappingValue);
          return this.parseNode(false, false);
        }
        this.state = St.FlowMappingValue;
        return Ev.Scalar;
      }
      if (token.type !== Tok.FlowMappingEnd) {
        this.states.push(St.FlowMappingEmptyValue);
        return this.parseNode(false, false);
      }
    }
    this.state = this.popState();
    this.popMark();
    this.skip();
    if (this.details) this.details.end = token.end ?? -1;
    return Ev.MappingEnd;
  }

  private parseFlowMappingValue(empty: boolean): Ev {
    let token = this.peek();
    if (empty) {
      this.state = St.FlowMappingKey;
      if (this.details) this.details.absent = true;
      return Ev.Scalar;
    }
    if (token.type === Tok.Value) {
      this.skip();
      token = this.peek();
      if (token.type !== Tok.FlowEntry && token.type !== Tok.FlowMappingEnd) {
        this.states.push(St.FlowMappingKey);
        return this.parseNode(false, false);
      }
    } else if (this.details) {
      this.details.absent = true;
    }
    this.state = St.FlowMappingKey;
    return Ev.Scalar;
  }

  /** %YAML and %TAG directives before a document; sets up the document's tag handles. */
  private processDirectives(): void {
    let sawVersion = false;
    let token = this.peek();
    while (token.type === Tok.VersionDirective || token.type === Tok.TagDirective) {
      if (token.type === Tok.VersionDirective) {
        if (sawVersion) this.fail('found duplicate %YAML directive', token.start);
        const compatible = token.major === 1 && (token.minor === 1 || (this.acceptsYaml12 && token.minor === 2));
        if (!compatible) this.fail('found incompatible YAML document', token.start);
        sawVersion = true;
      } else {
        const handle = token.handle ?? '';
        if (this.tagHandles.has(handle)) this.fail('found duplicate %TAG directive', token.start);
        this.tagHandles.add(handle);
        if (this.details) this.prefixes.set(handle, token.value ?? '');
      }
      this.skip();
      token = this.peek();
    }
    this.tagHandles.add('!');
    this.tagHandles.add('!!');
  }

  /** The full tag of a TAG token (values mode). */
  private resolveTag(tag: Token): string {
    const suffix = tag.value ?? '';
    if (!tag.handle) return suffix;
    if (tag.handle === '!' && suffix === '') return '!';
    const prefix = this.prefixes.get(tag.handle) ?? (tag.handle === '!!' ? 'tag:yaml.org,2002:' : tag.handle);
    return prefix + suffix;
  }
}

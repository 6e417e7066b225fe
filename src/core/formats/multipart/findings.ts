import { isCloudConfigHeader, isIgnition } from '../../input-kind';
import { gzipHeaderOk } from '../cloud-config/reference/decode-content';
import { userDataTooLarge } from '../cloud-config/rules/size';
import type { LineIndex } from '../../text/line-index';
import type { RuleId } from '../../rule-table';
import type { Finding, Severity } from '../../types';
import { bytesToText, decodePartBase64, decodeQuotedPrintable, latin1Bytes } from './decode';
import { headerNamed } from './headers';
import { parseMediaType } from './media-type';
import { isMultipartMime, readMultipart, type Part } from './reader';

/**
 * Multipart MIME user-data as Flatcar's coreos-cloudinit applies it: each part by its
 * Content-Type (text/cloud-config parsed as cloud-config, text/x-shellscript run, gzip
 * types gunzipped, anything else read by what it starts with), and any error in any part,
 * or in the MIME structure, fails the whole user-data. Findings sit on the part's own lines.
 */

/** Validates a cloud-config body (no header needed); findings in the body's own offsets. */
export type BodyValidator = (body: string) => Finding[];

const GZIP_TYPES = new Set([
  'application/gzip',
  'application/gzip-compressed',
  'application/gzipped',
  'application/x-compress',
  'application/x-compressed',
  'application/x-gunzip',
  'application/x-gzip',
  'application/x-gzip-compressed',
]);

/** Nested multipart parts deeper than this are not read. */
const MAX_DEPTH = 8;

const REJECTS = 'Flatcar then applies none of the user-data';

type Range = readonly [number, number];

/** Where the findings of one message go: offsets shifted onto the whole text, or all onto one range (a decoded part). */
interface Frame {
  base: number;
  collapse?: Range;
}

export function multipartFindings(text: string, lines: LineIndex, validateBody: BodyValidator): Finding[] {
  const out: Finding[] = [];
  const place = (kind: Severity, message: string, [from, to]: Range, rule: RuleId = 'multipart') => {
    const a = lines.position(from);
    const b = lines.position(to);
    out.push({ kind, message, rule, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, from, to });
  };

  function readMessage(segment: string, frame: Frame, depth: number) {
    const at = (r: Range): Range => frame.collapse ?? [frame.base + r[0], frame.base + r[1]];
    const mp = readMultipart(segment);
    for (const p of mp.problems) place('error', `${p.message}; ${REJECTS}`, at([p.from, p.to]));
    for (const part of mp.parts) readPart(segment, part, frame, at, depth);
  }

  function readPart(segment: string, part: Part, frame: Frame, at: (r: Range) => Range, depth: number) {
    if (part.headers.length === 0) {
      place('error', `this part has no headers, and each part needs a Content-Type; ${REJECTS}`, at(part.opens));
      return;
    }
    const ct = headerNamed(part.headers, 'content-type');
    if (!ct) {
      place('error', `this part has no Content-Type header; ${REJECTS}`, at(part.opens));
      return;
    }
    const ctAt = at([ct.from, ct.to]);
    const media = parseMediaType(ct.value);
    if (!media.ok) {
      place('error', `the Content-Type of this part cannot be read: ${media.problem}; ${REJECTS}`, ctAt);
      return;
    }
    const raw = segment.slice(part.body[0], part.body[1]);
    const firstBodyLine = bodyStart(segment, part.body);
    const cte = headerNamed(part.headers, 'content-transfer-encoding');
    const encoding = cte?.value ?? '';

    // The body as Flatcar reads it, and where its findings go.
    let body = raw;
    let bytes: Uint8Array | undefined;
    let bodyFrame: Frame = frame.collapse ? frame : { base: frame.base + part.body[0] };
    const decodedFrame: Frame = { base: 0, collapse: at(firstBodyLine) };
    if (encoding.toLowerCase() === 'quoted-printable') {
      bytes = decodeQuotedPrintable(raw);
      if (!bytes) return place('error', `this quoted-printable part does not decode; ${REJECTS}`, at(firstBodyLine));
      body = bytesToText(bytes);
      bodyFrame = decodedFrame;
    } else if (encoding === 'base64') {
      bytes = decodePartBase64(raw);
      if (!bytes) return place('error', `this part is not valid base64 (standard alphabet, padded with =); ${REJECTS}`, at(firstBodyLine));
      body = bytesToText(bytes);
      bodyFrame = decodedFrame;
    } else if (encoding.toLowerCase() === 'base64') {
      place('warning', `Flatcar decodes base64 only when the Content-Transfer-Encoding is "base64" in lower case; this part is read as it stands, still encoded`, at([cte!.from, cte!.to]));
    }

    const type = media.type;
    if (type === 'text/cloud-config') return cloudConfigPart(body, ctAt, bodyFrame);
    if (type === 'text/x-shellscript') {
      if (!isScript(body)) place('error', `a text/x-shellscript part must start with "#!" (its interpreter); ${REJECTS}`, ctAt);
      return;
    }
    if (GZIP_TYPES.has(type)) {
      const gz = bytes ?? latin1Bytes(raw);
      if (!gz || !gzipHeaderOk(gz)) place('error', `this ${type} part is not gzip data; ${REJECTS}`, ctAt);
      else place('info', `Flatcar decompresses this ${type} part and then reads it by what it starts with; what it holds is not checked here`, ctAt);
      return;
    }
    // Any other type: read by its content, as if it were user-data of its own.
    if (isScript(body)) place('info', `Flatcar runs this ${type} part as a script, since it starts with "#!"`, ctAt);
    else if (isCloudConfigHeader(body)) {
      place('info', `Flatcar reads this ${type} part as cloud-config, since it starts with "#cloud-config"`, ctAt);
      cloudConfigPart(body, ctAt, bodyFrame);
    } else if (isIgnition(body)) place('info', `Flatcar ignores this ${type} part: it holds an Ignition config, which coreos-cloudinit does not apply`, ctAt);
    else if (isMultipartMime(body)) {
      if (depth >= MAX_DEPTH) place('warning', `multipart parts nested more than ${MAX_DEPTH} deep are not checked`, ctAt);
      else readMessage(body, bodyFrame, depth + 1);
    } else {
      place('info', `Flatcar ignores this ${type} part: it applies text/cloud-config and text/x-shellscript parts, and others only when they start with "#cloud-config" or "#!"`, ctAt);
    }
  }

  function cloudConfigPart(body: string, ctAt: Range, frame: Frame) {
    if (new TextEncoder().encode(body).length < '#cloud-config'.length) {
      place('error', `this text/cloud-config part is shorter than 13 bytes, and Flatcar's coreos-cloudinit crashes on it (it reads the first 13 bytes to look for "#cloud-config"); ${REJECTS}`, ctAt);
    }
    for (const f of validateBody(body)) {
      if (f.rule === 'user-data-size' || f.from === undefined || f.to === undefined) continue;
      if (frame.collapse) {
        // No fix: the text it would edit is encoded.
        place(f.kind, `in the decoded part, line ${f.line} column ${f.column}: ${f.message}`, frame.collapse, f.rule);
      } else {
        const shift = frame.base;
        const a = lines.position(f.from + shift);
        const b = lines.position(f.to + shift);
        const moved: Finding = { ...f, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, from: f.from + shift, to: f.to + shift };
        if (f.fixes) moved.fixes = f.fixes.map((x) => ({ ...x, from: x.from + shift, to: x.to + shift }));
        out.push(moved);
      }
    }
  }

  readMessage(text, { base: 0 }, 0);
  const size = userDataTooLarge(text);
  if (size) place('info', size, lines.lineRange(1), 'user-data-size');
  return out;
}

/** Go's config.IsScript: the first line starts with "#!". */
const isScript = (body: string) => body.startsWith('#!');

/** The first line of a body (or its empty start), where findings about the body as a whole go. */
function bodyStart(segment: string, [from, to]: Range): Range {
  let end = segment.indexOf('\n', from);
  if (end < 0 || end > to) end = to;
  if (end > from && segment[end - 1] === '\r') end--;
  return [from, end];
}

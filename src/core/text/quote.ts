/**
 * How messages of the `all` set quote what the user wrote: at most QUOTE_LIMIT characters of
 * it, so a 200 KB value makes a readable message rather than one as long as the value. (The
 * `reference` set keeps the reference's own wording, whole values included.)
 */

/** At most this many characters of a value appear in a message. */
export const QUOTE_LIMIT = 100;

/** The value, cut after QUOTE_LIMIT characters with an ellipsis; never inside a surrogate pair. */
export function clip(value: string, limit = QUOTE_LIMIT): string {
  if (value.length <= limit) return value;
  let end = limit;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}

/** The value in double quotes, clipped: `"value"`. */
export const quoted = (value: string): string => `"${clip(value)}"`;

import type { Rule } from './context';

/** EC2's limit on user-data, before any base64 encoding. */
export const EC2_LIMIT = 16384;

export const userDataSize: Rule = {
  id: 'user-data-size',
  check(ctx) {
    const message = userDataTooLarge(ctx.text);
    return message ? [{ kind: 'info', message, rule: 'user-data-size', range: ctx.lines.lineRange(1) }] : [];
  },
};

const NON_ASCII = /[^\x00-\x7f]/;

/** How many bytes `text` takes in UTF-8. */
export const utf8Length = (text: string): number =>
  // Plain ASCII, most configs, is a byte a character: no need to encode a large text to count.
  NON_ASCII.test(text) ? new TextEncoder().encode(text).length : text.length;

/** What to say of user-data over EC2's limit, or undefined when it fits. */
export const userDataTooLarge = (text: string): string | undefined => userDataOfSize(utf8Length(text));

/** The same for user-data of `bytes` bytes. */
export function userDataOfSize(bytes: number): string | undefined {
  if (bytes <= EC2_LIMIT) return undefined;
  return `user-data is ${bytes} bytes, over EC2's limit of ${EC2_LIMIT} bytes (16 KB); on EC2, move large content out of the config (fetch it at boot instead)`;
}

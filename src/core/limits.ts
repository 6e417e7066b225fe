/**
 * Largest input validated, in characters; bigger ones get one finding instead (user-data is
 * capped far lower). Its own module, so that the page can read it without the core.
 */
export const MAX_INPUT_CHARS = 32 * 1024 * 1024;

/** `text` with LIKE's wildcards (`%`, `_`) and its escape character (backslash) escaped: it matches itself. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** A LIKE pattern for rows containing `text`, its `%` and `_` taken literally. */
export const likePattern = (text: string) => `%${escapeLike(text)}%`;

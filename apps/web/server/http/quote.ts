/** What the caller sent, quoted back in a message: never more than a line. */
export const quote = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

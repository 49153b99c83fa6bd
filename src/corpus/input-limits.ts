/**
 * The limits every recap input gets, whatever its way in (a file, a folder's file, a URL). A blog
 * post is a few hundred kilobytes, its text a few dozen; ten times that is not a recap, and would
 * take the segmenter seconds for thousands of "sections".
 */
export const INPUT_LIMITS = {
  /** The bytes of a file or a page (a saved page carries its scripts and styles). */
  maxBytes: 5 * 1024 * 1024,
  /** The characters of the recap's text: the article of a page, the body of a Markdown or text file. */
  maxTextChars: 1024 * 1024,
};

export type InputLimits = typeof INPUT_LIMITS;

const mb = (n: number) => (n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`);

/** The one refusal of an input over the byte limit. */
export const tooBig = (input: string, limits: InputLimits): string =>
  `${input} is larger than ${mb(limits.maxBytes)}: that is not a recap (save the article alone and ingest that file).`;

/** The one refusal of a text over the character limit. */
export const tooLong = (input: string, chars: number, limits: InputLimits): string =>
  `${input} holds ${mb(chars)} of text, more than the ${mb(limits.maxTextChars)} of a recap: split it into one file a day or a talk.`;

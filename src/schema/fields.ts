/**
 * The kinds of value entry fields are made of: dates, times, plain text, web addresses, phone
 * numbers, email addresses and postcodes, each with the message a volunteer gets when one is
 * wrong (what is wrong, then `Fix:` and what to write instead). Used by src/schema/entry.ts.
 */
import { z } from './zod';
import { EMAIL, entryUrlProblem, isRealDate, toIsoDate } from './primitives';

export const list = (allowed: readonly string[]) => allowed.map((v) => `\`${v}\``).join(', ');

/** A YAML date. Unquoted dates arrive as `Date`, quoted ones as strings; both become `YYYY-MM-DD`. */
export const dateField = z.union([z.date(), z.string(), z.number()]).transform((value, ctx) => {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      ctx.addIssue({
        code: 'custom',
        message: 'This is not a real date. Fix: write it as YYYY-MM-DD, e.g. 2026-03-14.',
      });
      return z.NEVER;
    }
    return toIsoDate(value);
  }
  const text = String(value).trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    ctx.addIssue({
      code: 'custom',
      message: `"${text}" is not a date in the form YYYY-MM-DD. Fix: write it like 2026-03-14.`,
    });
    return z.NEVER;
  }
  if (!isRealDate(text)) {
    ctx.addIssue({
      code: 'custom',
      message: `${text} is not a real date (check the day and month). Fix: write a date that exists, e.g. 2026-03-14.`,
    });
    return z.NEVER;
  }
  return text;
});

/** A 24-hour clock time `HH:MM`, e.g. `"09:30"` or `"18:00"`. */
export const timeField = z.union([z.string(), z.number()]).transform((value, ctx) => {
  if (typeof value === 'number') {
    ctx.addIssue({
      code: 'custom',
      message: `The time ${value} was read as a number. Fix: put the time in quotes as HH:MM, e.g. "10:00".`,
    });
    return z.NEVER;
  }
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a time. Fix: use the 24-hour clock as HH:MM, e.g. "09:30" or "18:00".`,
    });
    return z.NEVER;
  }
  return `${m[1].padStart(2, '0')}:${m[2]}`;
});

/** True when `s` holds an HTML tag: `<` and a letter, `!` or `/`+letter, with a `>` anywhere after it. */
export function hasHtmlTag(s: string): boolean {
  // The same as /<\/?[a-z!][^>]*>/i, in one pass: that pattern scans to the end of the text from
  // every `<`, so `<a<a<a…` took time growing with the square of its length.
  const open = /<\/?[a-z!]/i.exec(s);
  return open !== null && s.indexOf('>', open.index + open[0].length) >= 0;
}

/**
 * Plain text on one line: no line breaks, no HTML tags, and no control or bidirectional-override
 * characters (a tab is allowed). One line, because the list's text message and its full text copy
 * fields verbatim: a name or an alert with a line break could add a forged line ("More: https://…",
 * a phone number) to what a key worker sends. YAML folds an ordinary long value written over
 * several lines into one line; only a `|` block keeps the breaks, and is refused here.
 *
 * The length limit is checked first and, when it fails, the other checks do not run: each is one
 * pass over the text, but a 1 MB value need not be read three more times to say it is too long.
 */
export const plainText = (max: number, what: string) =>
  z
    .string({
      error: (iss) =>
        iss.input === undefined ? `${what} is missing.` : `${what} must be text. Fix: put it in quotes.`,
    })
    .trim()
    .min(1, `${what} is empty. Fix: write some text, or remove the line.`)
    .max(max, { error: `${what} is longer than ${max} characters. Fix: shorten it.`, abort: true })
    .refine((s) => !/[\n\r\u2028\u2029]/.test(s), {
      error: `${what} must be on one line: it contains a line break. Fix: write it as one line (a \`|\` block keeps line breaks; use a plain value or quotes).`,
      abort: true,
    })
    .refine((s) => !hasHtmlTag(s), `${what} contains HTML. Fix: write plain text without < > tags.`)
    // C1 controls (U+0080–U+009F, e.g. NEL) are invisible too, like C0 ones and bidi overrides.
    .refine(
      // eslint-disable-next-line no-control-regex -- hidden control characters are what this check refuses
      (s) => !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s),
      `${what} contains hidden control characters. Fix: retype it as plain text.`,
    );

/** Longest web address accepted (a 10,000-character "address" is not one a person can check). */
export const MAX_URL = 1000;

/**
 * A web address starting with `https://` or `http://`, on the open internet: the rule every entry
 * URL follows (`entryUrlProblem` in primitives.ts, which body links use too).
 */
export const urlField = z
  .string()
  .trim()
  .max(MAX_URL, {
    error: `The web address is longer than ${MAX_URL} characters. Fix: link to the group's home page or a shorter address.`,
    abort: true,
  })
  .superRefine((value, ctx) => {
    const message = entryUrlProblem(value);
    if (message) ctx.addIssue({ code: 'custom', message, input: value });
  });

/** A UK phone number, quoted so YAML keeps the leading zero: `"01942 123456"`; `example` (site.yaml `examples.phone`) is the one its message gives. */
export const phoneFieldFor = (example = '01632 960123') =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    if (typeof value === 'number') {
      ctx.addIssue({
        code: 'custom',
        message: `The phone number was read as the number ${value} and lost its leading zero. Fix: put it in quotes, e.g. "0${value}".`,
      });
      return z.NEVER;
    }
    const text = value.trim();
    const digits = text.replace(/[\s()-]/g, '');
    // UK numbers (0… or +44…, 8 to 11 digits, e.g. 0800 1111) and short codes such as 116 123 or 999.
    if (!/^(\+44|0)\d{7,10}$/.test(digits) && !/^\d{3,6}$/.test(digits)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" does not look like a UK phone number. Fix: write it like "${example}" or "${international(example)}".`,
      });
      return z.NEVER;
    }
    return text;
  });
export const phoneField = phoneFieldFor();

/** `01942 123456` → `+44 1942 123456`. */
function international(phone: string): string {
  return phone.replace(/^0/, '+44 ');
}

/** An email address: `hello@example.org`. */
export const emailField = z
  .string()
  .trim()
  .max(254, { error: 'The email address is longer than 254 characters. Fix: check it.', abort: true })
  .superRefine((value, ctx) => {
    if (EMAIL.test(value)) return;
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: /[?&%#,;]/.test(value)
        ? 'The email address contains ? & % # , or ;, which in an email link add other recipients (a copy to someone else) or change the message. Fix: write just one address, like hello@example.org.'
        : 'This is not an email address. Fix: write it like hello@example.org.',
    });
  });

/** UK postcode, e.g. `WN1 1AB`; `example` (site.yaml `examples.postcode`) is the one its message gives. */
export const postcodeFieldFor = (example = 'AB1 2CD') =>
  z
    .string()
    .trim()
    .transform((s) => s.toUpperCase().replace(/\s+/g, ' '))
    .refine(
      (s) => /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/.test(s),
      `This is not a UK postcode. Fix: write it like ${example}.`,
    );
export const postcodeField = postcodeFieldFor();

/** A latitude or longitude in decimal degrees; `example` (a point of the place) is the one its message gives. */
export const coordinateField = (name: 'latitude' | 'longitude', example: string) =>
  z
    .number({ error: `The ${name} must be a number, e.g. ${example}.` })
    .min(name === 'latitude' ? -90 : -180)
    .max(name === 'latitude' ? 90 : 180);

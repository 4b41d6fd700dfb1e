/**
 * The kinds of value entry fields are made of: dates, times, plain text, web addresses, phone
 * numbers, email addresses and postcodes, each with the message a volunteer gets when one is
 * wrong (what is wrong, then `Fix:` and what to write instead). Used by src/schema/entry.ts.
 */
import { z } from './zod';
import { isRealDate, toIsoDate, isSafeUrl } from './primitives';

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

/**
 * Plain text: no HTML tags, and no control or bidirectional-override characters (line breaks
 * and tabs are allowed).
 */
export const plainText = (max: number, what: string) =>
  z
    .string({
      error: (iss) =>
        iss.input === undefined ? `${what} is missing.` : `${what} must be text. Fix: put it in quotes.`,
    })
    .trim()
    .min(1, `${what} is empty. Fix: write some text, or remove the line.`)
    .max(max, `${what} is longer than ${max} characters. Fix: shorten it.`)
    .refine((s) => !/<\/?[a-z!][^>]*>/i.test(s), `${what} contains HTML. Fix: write plain text without < > tags.`)
    // C1 controls (U+0080–U+009F, e.g. NEL) are invisible too, like C0 ones and bidi overrides.
    .refine(
      // eslint-disable-next-line no-control-regex -- hidden control characters are what this check refuses
      (s) => !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s),
      `${what} contains hidden control characters. Fix: retype it as plain text.`,
    );

/** Longest web address accepted (a 10,000-character "address" is not one a person can check). */
export const MAX_URL = 1000;

/** A web address starting with `https://` or `http://`. */
export const urlField = z
  .string()
  .trim()
  .max(
    MAX_URL,
    `The web address is longer than ${MAX_URL} characters. Fix: link to the group's home page or a shorter address.`,
  )
  .refine(isSafeUrl, {
    // isSafeUrl also refuses a name before @ and raw < > " ` \ (see primitives.ts): say which.
    error: (iss) => {
      const v = String(iss.input);
      if (/^https?:\/\/[^/?#]*@/i.test(v))
        return 'The address has a name before an @ (https://name@site), which hides where the link really goes. Fix: remove everything between // and @.';
      if (/^https?:\/\//i.test(v) && /[<>"`\\]/.test(v))
        return 'The address contains < > " ` or \\, which web addresses only carry encoded. Fix: copy the address again from the browser\'s address bar.';
      return 'This is not a web address starting with https:// or http://. Fix: paste the full address, e.g. https://example.org/group.';
    },
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
  .max(254, 'The email address is longer than 254 characters. Fix: check it.')
  .regex(
    /^[^\s@<>()"]+@[^\s@<>()"]+\.[a-z]{2,}$/i,
    'This is not an email address. Fix: write it like hello@example.org.',
  );

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

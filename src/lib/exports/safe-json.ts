/**
 * JSON text that is safe wherever it lands: `JSON.stringify` with `<`, `>` and `&` written as
 * `\u003c`, `\u003e`, `\u0026` and the line separators U+2028 / U+2029 escaped. The result parses
 * back to the same value, but no HTML parser can find a tag, a comment or an entity in it: safe
 * inside a `<script>` element (JSON-LD) and in a feed file that a static host serves as text/html
 * (the Open Referral folders' index files). Pure.
 */
export function safeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * SHA-1 (FIPS 180-4) of a UTF-8 string, for the name-based UUIDs of RFC 4122 (version 5) that
 * the open data uses as ids. Written out here so the exports run the same in Node and in a
 * browser without Node's crypto module or the browser's asynchronous one. Not for security:
 * UUID v5 is defined on SHA-1, and these ids only need to be stable.
 */

const utf8 = new TextEncoder();
/** Reused between calls: the message schedule, and room for short messages (ids are short). */
const w = new Int32Array(80);
let scratch = new Uint8Array(256);

function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

/** The 20-byte digest of `prefix` followed by the UTF-8 bytes of `text`. */
export function sha1(prefix: Uint8Array, text: string): Uint8Array {
  // At most 3 bytes of UTF-8 per UTF-16 unit, plus the padding: room for the worst case.
  const room = Math.ceil((prefix.length + text.length * 3 + 9) / 64) * 64;
  if (scratch.length < room) scratch = new Uint8Array(room);
  scratch.set(prefix, 0);
  const length = prefix.length + utf8.encodeInto(text, scratch.subarray(prefix.length)).written;
  const blocks = Math.ceil((length + 9) / 64);
  const bytes = scratch.subarray(0, blocks * 64);
  bytes.fill(0, length);
  bytes[length] = 0x80;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The message length in bits, as a 64-bit big-endian number (texts here are far below 2^32 bits).
  view.setUint32(bytes.length - 4, length * 8);
  view.setUint32(bytes.length - 8, Math.floor((length * 8) / 2 ** 32));
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  for (let block = 0; block < blocks; block++) {
    for (let t = 0; t < 16; t++) w[t] = view.getInt32(block * 64 + t * 4);
    for (let t = 16; t < 80; t++) w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let t = 0; t < 80; t++) {
      let f: number;
      let k: number;
      if (t < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (t < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (t < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6;
      }
      const temp = (((a << 5) | (a >>> 27)) + f + e + k + w[t]) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = temp;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  const out = new Uint8Array(20);
  const o = new DataView(out.buffer);
  [h0, h1, h2, h3, h4].forEach((h, i) => o.setUint32(i * 4, h >>> 0));
  return out;
}

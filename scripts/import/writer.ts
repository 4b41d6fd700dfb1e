/**
 * Writes the entry files on a helper thread while the import is still mapping and checking the
 * rest: creating ten thousand small files is mostly the kernel's work, and on a machine with a
 * spare core it then costs next to no time of its own (docs/performance.md, "Import").
 *
 * The helper is a few lines of plain Node (no bundle of its own). Files are written in the order
 * they are given, a batch at a time; `finish` resolves once every one is on disk, or rejects with the first failure
 * (naming the file), after which nothing more is written. Where threads cannot start, the files
 * are written on this thread instead.
 */
import { writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

const HELPER = `
const { parentPort } = require('node:worker_threads');
const { writeFileSync } = require('node:fs');
let failed = false;
let written = 0;
parentPort.on('message', (m) => {
  if (m === null) return parentPort.postMessage({ written });
  for (let i = 0; i < m.length && !failed; i += 2) {
    try {
      writeFileSync(m[i], m[i + 1]);
      written++;
    } catch (err) {
      failed = true;
      parentPort.postMessage({ error: m[i] + ': ' + (err && err.message ? err.message : String(err)) });
    }
  }
});
`;

/** Files a message. */
const BATCH = 50;

export interface FileWriter {
  write(path: string, text: string): void;
  /** How many files were written, once all are. */
  finish(): Promise<number>;
}

export function startWriter(): FileWriter {
  let worker: Worker;
  try {
    worker = new Worker(HELPER, { eval: true });
  } catch {
    let written = 0;
    return {
      write: (path, text) => (writeFileSync(path, text), written++),
      finish: async () => written,
    };
  }
  let firstError: string | undefined;
  const done = new Promise<number>((resolve, reject) => {
    worker.on('message', (m: { written?: number; error?: string }) => {
      if (m.error) firstError ??= m.error;
      else if (m.written !== undefined) {
        if (firstError) reject(new Error(`An entry file could not be written: ${firstError}`));
        else resolve(m.written);
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the file-writing thread stopped (exit code ${code})`)));
  });
  // Files go over in batches: a message per file woke the helper ten thousand times, which cost
  // more than the copying.
  let batch: string[] = [];
  const flush = () => {
    if (batch.length) worker.postMessage(batch);
    batch = [];
  };
  return {
    write: (path, text) => {
      batch.push(path, text);
      if (batch.length >= 2 * BATCH) flush();
    },
    finish: async () => {
      flush();
      worker.postMessage(null);
      try {
        return await done;
      } finally {
        await worker.terminate();
      }
    },
  };
}

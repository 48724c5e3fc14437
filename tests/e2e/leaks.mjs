// Looks for secrets' bytes in files and captured output.
import { readdirSync, readFileSync, lstatSync } from "node:fs";
import { join } from "node:path";

const MAX_FILE = 64 * 1024 * 1024;

function* files(dir, skip) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    const p = join(dir, name);
    if (skip(p)) continue;
    let st;
    try {
      st = lstatSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) yield* files(p, skip);
    else if (st.isFile() && st.size <= MAX_FILE) yield p;
  }
}

/** Returns where any of `secrets` occurs: file paths and names of `extra` buffers. */
export function scanForSecrets(secrets, { dirs, skip = () => false, extra = {} }) {
  const needles = secrets.map((s) => Buffer.from(s));
  const hits = new Set();
  for (const dir of dirs) {
    for (const p of files(dir, skip)) {
      let buf;
      try {
        buf = readFileSync(p);
      } catch {
        continue;
      }
      if (needles.some((n) => buf.includes(n))) hits.add(p);
    }
  }
  for (const [name, buf] of Object.entries(extra)) {
    if (needles.some((n) => buf.includes(n))) hits.add(name);
  }
  return [...hits];
}

// Moving metadata between machines: reading an export the user picked. (Saving one is
// Rust's: it asks where with the system's save dialog and writes the file itself.)

/** The text of a file the user picked. */
export function readTextFile(file: Blob): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsText(file);
  });
}

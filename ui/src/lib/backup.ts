// Moving metadata between machines: saving the export as a file and reading one back.
// The file never holds a secret (Rust's export has none); these helpers only move text.

export const EXPORT_FILE = "jeton-metadata.json";

/**
 * Offers `text` as a download named `name` through a Blob link.
 * Note: Tauri's web views drop `<a download>` unless the shell handles downloads; see
 * ui/README.md ("Export").
 */
export function saveTextFile(name: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  doc.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // The download has started from the click; the URL can go once the event loop turns.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

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

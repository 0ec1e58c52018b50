import { downloadFile } from '../lib/download-file.js';

/** Saves the given text as a file on the admin's computer. */
export function DownloadButton({ text, fileName, label, mimeType = 'application/json' }: {
  text: string;
  fileName: string;
  label: string;
  mimeType?: string;
}) {
  return (
    <button type="button" className="button" onClick={() => downloadFile(fileName, text, mimeType)}>
      {label}
    </button>
  );
}

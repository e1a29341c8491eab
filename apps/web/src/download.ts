import { ApiError, authHeaders } from './api';

/** Fetches a file the API makes (a CSV export) with the caller's credentials and hands it to the browser as a download. */
export async function download(path: string, filename: string): Promise<void> {
  const res = await fetch(path, { headers: { Accept: 'text/csv, application/json', ...authHeaders() }, cache: 'no-store', credentials: 'same-origin' });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string; details?: unknown };
    throw new ApiError(res.status, body.error ?? `HTTP.${res.status}`, body.message ?? res.statusText, body.details);
  }
  const url = URL.createObjectURL(await res.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the file over; the URL is released once this task is done.
  setTimeout(() => URL.revokeObjectURL(url));
}

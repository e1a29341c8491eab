import { useEffect, useState } from 'preact/hooks';

export interface Route {
  /** `#/deal/abc` → ['deal', 'abc'] */
  readonly parts: readonly string[];
  readonly query: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(query) };
}

/** Page routes live after the #, so the API serves one file and a reload keeps the page. */
export function useRoute(): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = () => setHash(location.hash);
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return parseRoute(hash);
}

export const href = (...parts: string[]) => `#/${parts.map(encodeURIComponent).join('/')}`;

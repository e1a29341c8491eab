import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, authHeaders, CommandAnswer, session } from './api';
import { Paged, pagePath } from './paging-model';
import { LiveChange, LiveStatus, openSse } from './sse';

export interface Loaded<T> {
  readonly data?: T;
  readonly error?: Error;
  readonly loading: boolean;
  reload(): void;
}

/** GETs a path (again whenever it changes, or on reload()); keeps the last answer while reloading. */
export function useApi<T>(path: string | undefined): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: path !== undefined });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === undefined) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>(path).then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

/**
 * Every item of a paged list answer (`{total, offset, limit, items}`), read page by page until
 * the total, so nothing is left out silently. Again whenever the path changes, or on reload().
 */
export function useAllPages<T>(path: string | undefined, pageSize = 1000): Loaded<{ readonly items: readonly T[]; readonly total: number }> {
  const [state, setState] = useState<{ data?: { items: readonly T[]; total: number }; error?: Error; loading: boolean }>({ loading: path !== undefined });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === undefined) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    (async () => {
      const items: T[] = [];
      for (let total = Infinity; items.length < total && live;) {
        const page = (await api<{ result: Paged<T> }>(pagePath(path, items.length, pageSize))).result;
        items.push(...page.items);
        total = page.items.length === 0 ? items.length : page.total;
      }
      return { items, total: items.length };
    })().then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [path, pageSize, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

/** A command sent from a button or form: busy while it runs, its refusal kept to show; the answer, or undefined when refused. */
export function useCommand() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const send = useCallback(async (path: string, body: unknown = {}, method: 'POST' | 'DELETE' = 'POST'): Promise<CommandAnswer | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await api<CommandAnswer>(path, { method, body: method === 'POST' ? body : undefined });
    } catch (e) {
      setError(e as Error);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, send };
}

/** The deal-summary live feed: every changed deal document the caller may read, as it happens. */
export function useDealFeed(onDoc: (doc: unknown) => void): LiveStatus {
  return useLiveFeed(DEAL_SUMMARY, (change) => onDoc(change.doc));
}

const DEAL_SUMMARY = ['deal-summary'] as const;

/**
 * The live feed of the given projections (reps, managers and implementation may follow
 * deal-summary only): each changed document with the event that changed it. The feed opens once;
 * `projections` must stay the same for the page's life.
 */
export function useLiveFeed(projections: readonly string[], onChange: (change: LiveChange) => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const handler = useRef(onChange);
  handler.current = onChange;
  const query = projections.join(',');
  useEffect(() => {
    const wanted = new Set(query.split(','));
    const feed = openSse({
      url: `/live/projections?projections=${query}`,
      headers: authHeaders,
      onStatus: (s) => setStatus(s),
      onFatal: (httpStatus, body) => {
        if (httpStatus === 401) session.onExpired(/"message":"([^"]*)"/.exec(body)?.[1] ?? 'the token was refused');
      },
      onClosed: (reason) => {
        if (reason === 'token-expired') session.onExpired('the token expired');
      },
      onMessage: (m) => {
        if (!wanted.has(m.event)) return;
        const change = JSON.parse(m.data) as { doc: unknown; position: number; eventType: string };
        if (change.doc) handler.current({ projection: m.event, doc: change.doc, position: change.position, eventType: change.eventType });
      },
    });
    return () => feed.close();
  }, [query]);
  return status;
}

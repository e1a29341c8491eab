import { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, session } from './api';
import { Me } from './me';
import { ApprovalsPage } from './pages/approvals';
import { BoardPage } from './pages/board';
import { ChartsPage } from './pages/charts';
import { CommissionPage, readsEveryStatement } from './pages/commission';
import { DealPage } from './pages/deal';
import { AccountTeamPage, DefaultTeamPage } from './pages/default-team';
import { DisputePage, DisputesPage } from './pages/disputes';
import { NewDealPage } from './pages/new-deal';
import { KpisPage } from './pages/kpis';
import { PayeesPage } from './pages/payees';
import { PeriodsPage } from './pages/periods';
import { PipelineEditorPage } from './pages/pipeline-editor';
import { PostClosePage } from './pages/post-close';
import { SetPasswordPage } from './pages/set-password';
import { WhatIfPage } from './pages/what-if';
import { SignIn, SingleSignOn } from './pages/sign-in';
import { href, Route, useRoute } from './router';
import { ssoErrorText } from './sso-errors';

const has = (me: Me, ...roles: string[]) => me.roles.some((r) => roles.includes(r));

/** What each role may open (the API refuses the rest anyway: docs/security.md). */
const NAV: { path: string; label: string; shows: (me: Me) => boolean }[] = [
  { path: 'board', label: 'Pipeline', shows: (me) => has(me, 'rep', 'manager', 'sales-ops', 'finance', 'admin') },
  { path: 'new-deal', label: 'New deal', shows: (me) => has(me, 'rep', 'manager', 'admin') },
  { path: 'post-close', label: 'Post-close', shows: (me) => has(me, 'manager', 'sales-ops', 'finance', 'admin', 'implementation') },
  { path: 'charts', label: 'Charts', shows: (me) => has(me, 'manager', 'sales-ops', 'finance', 'admin') },
  { path: 'kpis', label: 'KPIs', shows: (me) => has(me, 'rep', 'manager', 'sales-ops', 'finance', 'admin') },
  { path: 'what-if', label: 'What if', shows: (me) => has(me, 'sales-ops', 'admin') },
  { path: 'commission', label: 'Commission', shows: (me) => !has(me, 'integration') || me.roles.length > 1 },
  { path: 'disputes', label: 'Disputes', shows: (me) => !has(me, 'integration') || me.roles.length > 1 },
  // Reviewers see what they may approve; reps and admins what they proposed.
  { path: 'approvals', label: 'Approvals', shows: (me) => has(me, 'rep', 'manager', 'sales-ops', 'finance', 'admin') },
  { path: 'periods', label: 'Periods', shows: (me) => has(me, 'finance', 'admin') },
  { path: 'team', label: 'My team', shows: (me) => has(me, 'rep', 'manager') },
  { path: 'account-team', label: 'Account teams', shows: (me) => has(me, 'sales-ops', 'admin') },
  { path: 'pipeline-editor', label: 'Pipeline editor', shows: (me) => has(me, 'sales-ops', 'admin') },
];

function Page({ route, me }: { route: Route; me: Me }) {
  const [page, id] = route.parts;
  switch (page) {
    case 'deal': return <DealPage dealId={id} me={me} />;
    case 'new-deal': return <NewDealPage me={me} />;
    case 'post-close': return <PostClosePage />;
    case 'charts': return <ChartsPage />;
    case 'kpis': return <KpisPage me={me} query={route.query} />;
    case 'what-if': return <WhatIfPage query={route.query} />;
    case 'commission': return !id && readsEveryStatement(me)
      ? <PayeesPage period={route.query.get('period') ?? undefined} />
      : <CommissionPage me={me} personId={id ?? me.userId} period={route.query.get('period') ?? undefined} />;
    case 'disputes': return id ? <DisputePage disputeId={id} me={me} /> : <DisputesPage />;
    case 'approvals': return <ApprovalsPage me={me} />;
    case 'periods': return <PeriodsPage me={me} />;
    case 'team': return <DefaultTeamPage me={me} userId={id ?? me.userId} />;
    case 'account-team': return <AccountTeamPage account={id} />;
    case 'board': return <BoardPage me={me} />;
    case 'pipeline-editor': return <PipelineEditorPage />;
    default: return has(me, 'rep', 'manager', 'sales-ops', 'finance', 'admin') ? <BoardPage me={me} /> : <CommissionPage me={me} personId={me.userId} />;
  }
}

/**
 * The page's landmark, marked with the route it shows. Opening another page moves the focus to it,
 * so a keyboard user goes on from the new page, not from the top.
 */
function PageMain({ path, children }: { path: string; children: ComponentChildren }) {
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [path]);
  return <main ref={main} tabIndex={-1} data-route={path}>{children}</main>;
}

export function App() {
  const [me, setMe] = useState<Me | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [checking, setChecking] = useState(true);
  const [sso, setSso] = useState<SingleSignOn | undefined>();
  const route = useRoute();

  const signOut = (message?: string) => {
    session.signOut();
    setMe(undefined);
    setNotice(message);
  };
  session.onExpired = (message) => signOut(`Signed out: ${message}`);

  const loadMe = async () => {
    setMe(await api<Me>('/users/me'));
    setNotice(undefined);
  };
  const check = async (attempt: () => Promise<void>) => {
    setChecking(true);
    try {
      await attempt();
    } catch (error) {
      session.signOut();
      setNotice(error instanceof Error ? error.message : String(error));
    } finally {
      setChecking(false);
    }
  };
  const signInWithToken = (token: string) => check(async () => {
    session.signIn(token);
    await loadMe();
  });
  const signInWithPassword = (userId: string, password: string) => check(async () => {
    const answer = await api<{ csrfToken: string }>('/auth/sign-in', { method: 'POST', body: { userId, password } });
    session.useCookie(answer.csrfToken);
    await loadMe();
  });
  const endSession = async () => {
    // The server ends the cookie's session; a pasted token simply leaves this tab.
    if (session.cookie()) await api('/auth/sign-out', { method: 'POST' }).catch(() => undefined);
    signOut();
  };

  useEffect(() => {
    api<{ sso: SingleSignOn | null }>('/auth/methods').then((methods) => setSso(methods.sso ?? undefined), () => undefined);
    // A refused single sign-on comes back as #/?sso-error=<code>: say why in words, then drop it from the address.
    const refused = route.query.get('sso-error');
    if (refused) {
      setNotice(ssoErrorText(refused));
      history.replaceState(null, '', `${location.pathname}#/`);
    }
    if (session.token()) {
      void check(loadMe);
      return;
    }
    // After a reload the cookie may still hold a session: its CSRF token comes from the API.
    api<{ csrfToken: string | null }>('/auth/session').then(
      async (answer) => {
        if (answer.csrfToken) session.useCookie(answer.csrfToken);
        await check(loadMe);
      },
      () => setChecking(false),
    );
  }, []);

  if (route.parts[0] === 'set-password') {
    return <SetPasswordPage userId={route.query.get('user') ?? ''} token={route.query.get('token') ?? ''} />;
  }
  if (!me) {
    return <SignIn onPassword={signInWithPassword} onToken={signInWithToken} notice={notice} busy={checking} sso={sso}
      userId={route.query.get('user') ?? ''} />;
  }
  const current = route.parts[0] ?? '';
  return (
    <>
      <button type="button" class="skip" onClick={() => document.querySelector<HTMLElement>('main')?.focus()}>Skip to the page</button>
      <header class="top">
        <a class="brand" href="#/">Deals</a>
        <nav>
          {NAV.filter((n) => n.shows(me)).map((n) => (
            <a key={n.path} href={href(n.path)} aria-current={current === n.path ? 'page' : undefined}>{n.label}</a>
          ))}
        </nav>
        <span class="who" data-testid="signed-in-as" title={me.roles.join(', ')}>{me.name} <small>({me.roles.join(', ')})</small></span>
        <button class="link" onClick={() => void endSession()}>Sign out</button>
      </header>
      <PageMain path={route.parts.join('/')}>
        {/* Another deal, person or dispute is another page: nothing of the last one is shown or kept. */}
        <Page key={route.parts.join('/')} route={route} me={me} />
      </PageMain>
    </>
  );
}

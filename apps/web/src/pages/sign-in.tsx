import { useState } from 'preact/hooks';

/** The OpenID provider the API offers (GET /auth/methods). */
export interface SingleSignOn {
  readonly name: string;
  readonly startUrl: string;
}

/**
 * Sign in with the organisation's provider when the API offers one (single sign-on), with a user
 * id and a password (the API keeps the session in an HttpOnly cookie), or, as a last way, paste an
 * access token from `npm run -s token -- <userId>` (kept in this tab).
 */
export function SignIn({ onPassword, onToken, notice, busy, sso, userId: initialUserId = '' }: {
  onPassword: (userId: string, password: string) => void;
  onToken: (token: string) => void;
  notice?: string;
  busy: boolean;
  sso?: SingleSignOn;
  userId?: string;
}) {
  const [userId, setUserId] = useState(initialUserId);
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  return (
    <main class="sign-in">
      <form
        class="panel"
        onSubmit={(e) => {
          e.preventDefault();
          if (userId.trim() && password) onPassword(userId.trim(), password);
        }}
      >
        <h1>Sign in</h1>
        {notice && <p class="error" role="alert">{notice}</p>}
        {sso && (
          <div class="sso">
            {/* A navigation, not a form: the dashboard's CSP lets forms post to this site only, and the provider is another. */}
            <button type="button" onClick={() => location.assign(sso.startUrl)}>Sign in with {sso.name}</button>
            <p class="muted">or with your user id and password:</p>
          </div>
        )}
        <label for="user-id">User id</label>
        <input id="user-id" name="username" autocomplete="username" autocapitalize="none" spellcheck={false} value={userId}
          onInput={(e) => setUserId((e.target as HTMLInputElement).value)} />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" value={password}
          onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={busy || !userId.trim() || !password}>{busy ? 'Checking…' : 'Sign in'}</button>
        <p class="muted">No password yet, or forgotten? Ask an admin for an invitation or a reset link.</p>
      </form>
      <details class="panel">
        <summary>Sign in with an access token</summary>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (token.trim()) onToken(token);
          }}
        >
          <p>
            Paste an access token from <code>npm run -s token -- &lt;userId&gt;</code> (valid 12 hours).
            It stays in this browser tab only.
          </p>
          <label for="token">Access token</label>
          <textarea id="token" name="token" rows={4} autocomplete="off" spellcheck={false} value={token}
            onInput={(e) => setToken((e.target as HTMLTextAreaElement).value)} />
          <button type="submit" disabled={busy || !token.trim()}>{busy ? 'Checking…' : 'Sign in with token'}</button>
        </form>
      </details>
    </main>
  );
}

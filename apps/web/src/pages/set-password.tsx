import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';

/** The page of an invitation or reset link (`#/set-password?user=…&token=…`): choose a password, then sign in. */
export function SetPasswordPage({ userId, token }: { userId: string; token: string }) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const mismatch = again !== '' && again !== password;

  if (!userId || !token) {
    return <main class="sign-in"><p class="error" role="alert">This link is incomplete: open the whole link you were given.</p></main>;
  }
  if (done) {
    return (
      <main class="sign-in">
        <section class="panel" role="status">
          <h1>Password set</h1>
          <p>Your password is set. Sign in as <strong>{userId}</strong> with it.</p>
          <a href={`#/?user=${encodeURIComponent(userId)}`}>Go to sign in</a>
        </section>
      </main>
    );
  }
  return (
    <main class="sign-in">
      <form
        class="panel"
        onSubmit={async (e) => {
          e.preventDefault();
          if (mismatch || !password) return;
          setBusy(true);
          setError(undefined);
          try {
            await api('/auth/password', { method: 'POST', body: { userId, token, password } });
            setDone(true);
            // The token is spent: take it out of the address bar and the history entry.
            history.replaceState(null, '', `#/set-password?user=${encodeURIComponent(userId)}`);
          } catch (failure) {
            setError(failure instanceof ApiError ? failure.message : String(failure));
          } finally {
            setBusy(false);
          }
        }}
      >
        <h1>Set your password</h1>
        <p>For <strong>{userId}</strong>. At least 12 characters; a phrase of a few words is good.</p>
        {error && <p class="error" role="alert">{error}</p>}
        <input type="text" name="username" autocomplete="username" value={userId} hidden readOnly />
        <label for="new-password">New password</label>
        <input id="new-password" type="password" autocomplete="new-password" minLength={12} value={password}
          onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
        <label for="new-password-again">The same password again</label>
        <input id="new-password-again" type="password" autocomplete="new-password" value={again} aria-invalid={mismatch}
          onInput={(e) => setAgain((e.target as HTMLInputElement).value)} />
        {mismatch && <p class="error">The two passwords differ.</p>}
        <button type="submit" disabled={busy || !password || again !== password}>{busy ? 'Saving…' : 'Set password'}</button>
      </form>
    </main>
  );
}

import { useState } from 'preact/hooks';

/** Paste a token from `npm run -s token -- <userId>`; it is kept in this tab only (sessionStorage). */
export function SignIn({ onToken, notice, busy }: { onToken: (token: string) => void; notice?: string; busy: boolean }) {
  const [token, setToken] = useState('');
  return (
    <main class="sign-in">
      <form
        class="panel"
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) onToken(token);
        }}
      >
        <h1>Sign in</h1>
        <p>
          Paste your access token. Get one with <code>npm run -s token -- &lt;userId&gt;</code> (valid 12 hours).
          It stays in this browser tab only.
        </p>
        {notice && <p class="error" role="alert">{notice}</p>}
        <label for="token">Access token</label>
        <textarea id="token" name="token" rows={4} autocomplete="off" spellcheck={false} value={token}
          onInput={(e) => setToken((e.target as HTMLTextAreaElement).value)} />
        <button type="submit" disabled={busy || !token.trim()}>{busy ? 'Checking…' : 'Sign in'}</button>
      </form>
    </main>
  );
}

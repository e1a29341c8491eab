import process from 'node:process';
// A real OpenID provider (oidc-provider 8) for the tests, on a free loopback port. Started by a
// test as a child process with one JSON argument:
//   { clientId, clientSecret, redirectUris: [...], accounts: { <login>: { email, groups, name, ... } } }
// It prints "OIDC_PROVIDER_READY <issuer>" once it answers, and stops when its parent closes its
// stdin or kills it. People sign in through the provider's own development login form (any
// password, the login names the account); the engine is a first-party client, so there is no
// consent page (loadExistingGrant grants the scopes asked for, as corporate providers do).
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const options = JSON.parse(process.argv[2] ?? '{}');
const accounts = options.accounts ?? {};
let handle = (_req, res) => {
  res.statusCode = 503;
  res.end();
};
const server = createServer((req, res) => handle(req, res));

server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: options.clientId,
      client_secret: options.clientSecret,
      redirect_uris: options.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    // PKCE for every client, confidential ones included, S256 only.
    pkce: { methods: ['S256'], required: () => true },
    scopes: ['openid', 'email', 'profile', 'groups'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'], groups: ['groups'] },
    cookies: { keys: ['oidc-provider-test-only-key'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = accounts[id];
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile groups');
      await grant.save();
      return grant;
    },
  });
  handle = provider.callback();
  process.stdout.write(`OIDC_PROVIDER_READY ${issuer}\n`);
});

// The parent going away closes stdin: stop with it, so no provider outlives its test.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();

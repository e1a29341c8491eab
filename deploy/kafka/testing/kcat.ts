import { execFileSync } from 'node:child_process';

export type KcatAvailability = { readonly path: string } | { readonly reason: string };

let cached: KcatAvailability | undefined;

/**
 * Debian's kcat, the outside client the tests read the topic with. Installed with apt-get when
 * missing and the test runs as root (CI starts from a bare machine); otherwise the reason it is
 * not available, for the test to print when it skips that part.
 */
export function findOrInstallKcat(): KcatAvailability {
  cached ??= locate() ?? install();
  return cached;
}

function locate(): KcatAvailability | undefined {
  try {
    return { path: execFileSync('bash', ['-c', 'command -v kcat'], { encoding: 'utf8' }).trim() };
  } catch {
    return undefined;
  }
}

function install(): KcatAvailability {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return { reason: 'kcat is not installed and installing it with apt-get needs root; install it with `apt-get install kcat`' };
  }
  try {
    execFileSync('bash', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
  } catch {
    return { reason: 'kcat is not installed and there is no apt-get on this machine' };
  }
  process.stderr.write('[kafka] installing kcat with apt-get (first run only)...\n');
  try {
    execFileSync('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends kcat'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 300_000,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim().split('\n').slice(-3).join(' | ');
    return { reason: `kcat is not installed and apt-get could not install it: ${stderr || (error as Error).message}` };
  }
  return locate() ?? { reason: 'apt-get installed kcat but it is not on PATH' };
}

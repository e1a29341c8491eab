import { SignInThrottle } from './sign-in-throttle';

const limits = { maxFailures: 3, windowSeconds: 60, lockSeconds: 300 };
const at = (seconds: number) => 1_000_000 + seconds * 1000;

describe('sign-in throttle', () => {
  it('locks a key after too many failures within the window, for the lock time', () => {
    const throttle = new SignInThrottle(limits);
    expect(throttle.fail('ana.ae', at(0))).toEqual({ locked: false });
    expect(throttle.fail('ana.ae', at(10))).toEqual({ locked: false });
    expect(throttle.fail('ana.ae', at(20))).toEqual({ locked: true, retryAfterSeconds: 300, startedNow: true });
    expect(throttle.check('ana.ae', at(21))).toEqual({ locked: true, retryAfterSeconds: 299, startedNow: false });
    expect(throttle.check('ben.ae', at(21))).toEqual({ locked: false });
    expect(throttle.check('ana.ae', at(320))).toEqual({ locked: false });
    expect(throttle.fail('ana.ae', at(321))).toEqual({ locked: false });
  });

  it('forgets failures older than the window, and all of them after a success', () => {
    const throttle = new SignInThrottle(limits);
    throttle.fail('k', at(0));
    throttle.fail('k', at(10));
    expect(throttle.fail('k', at(61))).toEqual({ locked: false });
    throttle.succeed('k');
    throttle.fail('k', at(62));
    expect(throttle.fail('k', at(63))).toEqual({ locked: false });
  });
});

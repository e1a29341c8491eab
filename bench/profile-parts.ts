/**
 * A profile of the application server split into the parts of a request (bench/lib/request-parts.ts).
 * `node -r ./bench/register.js bench/profile-parts.ts <profile folder> [seconds to skip]`
 */
import { newestProfile, readProfile } from './lib/profile';
import { requestParts } from './lib/request-parts';

const file = newestProfile(process.argv[2]);
if (!file) throw new Error(`no .cpuprofile in ${process.argv[2]}`);
const profile = readProfile(file);
const r = requestParts(profile, { fromUs: profile.startTime + Number(process.argv[3] ?? 6) * 1e6, toUs: Infinity });
console.log(`busy ms ${r.busyMs.toFixed(0)}, idle ${(100 * r.idleShare).toFixed(1)}%`);
for (const p of r.parts) console.log(`${(100 * p.share).toFixed(1).padStart(5)} % ${p.part}`);

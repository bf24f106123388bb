// Where a request's time goes, from a dotnet-trace speedscope file (profile dotnet-sampled-thread-time).
// Usage: node profile-summary.mjs trace.speedscope.json "label=regex" ...
// Prints, for each label, the share of the threads' time in managed code (leaf frame CPU_TIME) whose stack holds a
// frame matching the regex. Shares overlap when one part contains another (the blocks query is inside the handler).
import { readFileSync } from 'node:fs';

const [file, ...parts] = process.argv.slice(2);
const trace = JSON.parse(readFileSync(file, 'utf8'));
const names = trace.shared.frames.map(f => f.name);
const patterns = parts.map(part => {
  const at = part.indexOf('=');
  return { label: part.slice(0, at), regex: new RegExp(part.slice(at + 1)) };
});
const matching = patterns.map(p => new Set(names.flatMap((name, i) => (p.regex.test(name) ? [i] : []))));

let total = 0;
const shares = patterns.map(() => 0);
for (const profile of trace.profiles) {
  // Evented profiles open and close frames; the time between two events belongs to the stack open then.
  const stack = [];
  let last = null;
  for (const event of profile.events ?? []) {
    if (last !== null && stack.length > 0 && event.at > last && names[stack[stack.length - 1]] === 'CPU_TIME') {
      const time = event.at - last;
      total += time;
      matching.forEach((set, i) => {
        if (stack.some(frame => set.has(frame))) shares[i] += time;
      });
    }
    last = event.at;
    if (event.type === 'O') stack.push(event.frame);
    else stack.pop();
  }
}

for (const [i, p] of patterns.entries()) {
  console.log(`| ${p.label} | ${total ? ((100 * shares[i]) / total).toFixed(0) : 0} % |`);
}

// Where a request's time goes, from a dotnet-trace speedscope file (profile dotnet-sampled-thread-time).
// Usage: node profile-summary.mjs trace.speedscope.json "label=regex" "label=outer regex>inner regex" ...
// Prints, for each label, the share of the threads' time in managed code (leaf frame CPU_TIME) whose stack holds a
// frame matching the regex (with ">": a frame matching the inner regex called, at any depth, under one matching the
// outer). Shares overlap when one part contains another. Frames are best matched by assembly ("Microsoft.EntityFramework
// Core!") or async state machine: small methods are inlined by the JIT once the process is warm and leave no frame.
import { readFileSync } from 'node:fs';

const [file, ...parts] = process.argv.slice(2);
const trace = JSON.parse(readFileSync(file, 'utf8'));
const names = trace.shared.frames.map(f => f.name);
const framesMatching = regex => new Set(names.flatMap((name, i) => (regex.test(name) ? [i] : [])));
const patterns = parts.map(part => {
  const at = part.indexOf('=');
  const [outer, inner] = part.slice(at + 1).split('>');
  return { label: part.slice(0, at), outer: framesMatching(new RegExp(outer)), inner: inner ? framesMatching(new RegExp(inner)) : null };
});
const holds = (stack, p) => {
  const at = stack.findIndex(frame => p.outer.has(frame));
  return at >= 0 && (p.inner === null || stack.slice(at + 1).some(frame => p.inner.has(frame)));
};

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
      patterns.forEach((p, i) => {
        if (holds(stack, p)) shares[i] += time;
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

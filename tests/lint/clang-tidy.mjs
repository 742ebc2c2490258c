// SPDX-License-Identifier: MIT
// ctest lint.clang-tidy: clang-tidy with the top-level .clang-tidy on every translation unit of
// ours in the build's compile_commands.json (core/, app/, tests/, bench/; not the build tree's
// generated, moc or resource files), `jobs` at a time. Findings in headers are reported once,
// and only for our headers (generated ones live in the build tree). Any finding, or a file that
// does not compile, fails the test; the summary lists them per file and per check. Each
// `folder=checks` appends `checks` to the configured list (clang-tidy --checks) for the files under
// that top-level folder, e.g. "tests=-clang-analyzer-*".
//   node clang-tidy.mjs <clang-tidy> <source dir> <build dir> [jobs] [folder=checks...]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const [clangTidy, sourceDir, buildDir, jobsArgument, ...checkArguments] = process.argv.slice(2);
if (!clangTidy || !sourceDir || !buildDir) {
  console.error('usage: node clang-tidy.mjs <clang-tidy> <source dir> <build dir> [jobs] [folder=checks...]');
  process.exit(2);
}
const jobs = Math.max(1, Number(jobsArgument) || 1);
const source = resolve(sourceDir);
const build = resolve(buildDir);
const roots = ['core', 'app', 'tests', 'bench'];
const checksByFolder = new Map(
  checkArguments.map((argument) => {
    const [folder, ...checks] = argument.split('=');
    return [folder, checks.join('=')];
  }),
);
const checksFor = (file) => checksByFolder.get(relative(source, file).split(sep)[0]);
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ours = (file) =>
  roots.some((root) => file.startsWith(join(source, root) + sep)) &&
  !file.startsWith(build + sep) &&
  !file.split(sep).includes('generated');

const database = JSON.parse(readFileSync(join(build, 'compile_commands.json'), 'utf8'));
const files = [...new Set(database.map((entry) => resolve(entry.directory, entry.file)).filter(ours))].sort();
if (files.length === 0) {
  console.error(`no translation units of ours in ${join(build, 'compile_commands.json')}`);
  process.exit(1);
}

// The compile commands are GCC 12's. clang (16) spells C++23 "c++2b", and reports
// __cpp_concepts 201907L although it implements what libstdc++ 12's <expected> checks for
// (the fuzz build in tests/fuzz/fuzz-target.cmake needs the same define).
const extraArgs = ['-std=c++2b', '-D__cpp_concepts=202002L', '-Wno-macro-redefined'];
const headerFilter = `^${escape(source + sep)}(${roots.join('|')})/`;

function tidy(file) {
  return new Promise((done, fail) => {
    const started = Date.now();
    const child = spawn(
      clangTidy,
      [
        '-p',
        build,
        '--quiet',
        `--header-filter=${headerFilter}`,
        ...(checksFor(file) ? [`--checks=${checksFor(file)}`] : []),
        ...extraArgs.map((arg) => `--extra-arg=${arg}`),
        file,
      ],
      { cwd: source, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', fail);
    child.once('close', (code, signal) => done({ file, code, signal, output, seconds: (Date.now() - started) / 1000 }));
  });
}

const started = Date.now();
const results = [];
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(jobs, files.length) }, async () => {
    while (next < files.length) {
      const result = await tidy(files[next++]);
      results.push(result);
      console.log(`[${results.length}/${files.length}] ${relative(source, result.file)} (${result.seconds.toFixed(1)} s)`);
    }
  }),
);

// One entry per distinct finding: a header's finding comes back from every file that includes it.
const findings = new Map();
const broken = [];
const diagnostic = /^(\/[^:\n]+):(\d+):(\d+): (warning|error): (.*) \[([\w.,-]+)\]$/;
for (const result of results.sort((a, b) => a.file.localeCompare(b.file))) {
  const lines = result.output.split('\n');
  let current;
  let diagnosed = false;
  for (const line of lines) {
    const match = diagnostic.exec(line);
    if (match) {
      diagnosed = true;
      const [, path, lineNumber, column, severity, message, check] = match;
      const key = `${relative(source, path)}:${lineNumber}:${column}: ${severity}: ${message} [${check}]`;
      current = findings.has(key) ? undefined : { key, file: relative(source, path), check, text: [key] };
      if (current) findings.set(key, current);
    } else if (current && line && !/^\d+ warnings? (and \d+ errors? )?generated\.$/.test(line)) {
      current.text.push(line);
    }
  }
  // A crash or a failure that printed no diagnostic (the findings above cover compile errors).
  if ((result.code !== 0 || result.signal) && !diagnosed) broken.push(result);
}

const seconds = ((Date.now() - started) / 1000).toFixed(0);
const adjusted = [...checksByFolder].map(([folder, checks]) => ` (${folder}/: ${checks})`).join('');
console.log(`\n${clangTidy}${adjusted}: ${files.length} translation units, ${jobs} at a time, ${seconds} s`);
for (const { text } of findings.values()) console.log(text.join('\n'));
for (const { file, code, signal, output } of broken) {
  console.log(`\n${relative(source, file)}: clang-tidy exited with ${signal ?? code}\n${output}`);
}
if (findings.size === 0 && broken.length === 0) process.exit(0);
// From here on no process.exit(): it could cut off what is still buffered for a piped stdout.

const count = (key) => {
  const counts = new Map();
  for (const finding of findings.values()) counts.set(finding[key], (counts.get(finding[key]) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
};
console.log('\nFindings per file:');
for (const [file, n] of count('file')) console.log(`  ${String(n).padStart(4)}  ${file}`);
console.log('Findings per check:');
for (const [check, n] of count('check')) console.log(`  ${String(n).padStart(4)}  ${check}`);
process.exitCode = 1;

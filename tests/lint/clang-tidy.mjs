// SPDX-License-Identifier: MIT
// ctest lint.clang-tidy: clang-tidy with the top-level .clang-tidy on every translation unit of
// ours in the build's compile_commands.json (core/, exchange/, app/, tests/, bench/; not the build
// tree's generated, moc or resource files), `jobs` at a time, the longest first. Findings in
// headers are reported once, and only for our headers (generated ones live in the build tree). Any
// finding, or a file that does not compile, fails the test; the summary lists them per file and per
// check. Each `folder=checks` appends `checks` to the configured list (clang-tidy --checks) for the
// files under that top-level folder, e.g. "tests=-clang-analyzer-*". `--load=<plugin>` is the
// quire-skip-system-headers plugin (skip_system_headers.cpp), which lets the checks skip the
// system headers' code; one that does not load is reported and the run goes on without it.
// `--analyzer-mode=shallow` (or deep, the static analyzer's default) is passed on to the analyzer.
//   node clang-tidy.mjs <clang-tidy> <source dir> <build dir> [jobs] [--load=<plugin>] [--analyzer-mode=<mode>]
//     [folder=checks...]
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';

const [clangTidy, sourceDir, buildDir, jobsArgument, ...options] = process.argv.slice(2);
if (!clangTidy || !sourceDir || !buildDir) {
  console.error(
    'usage: node clang-tidy.mjs <clang-tidy> <source dir> <build dir> [jobs] [--load=<plugin>] [--analyzer-mode=<mode>] [folder=checks...]',
  );
  process.exit(2);
}
const plugins = options.filter((option) => option.startsWith('--load=')).map((option) => option.slice(7));
const analyzerMode = options.findLast((option) => option.startsWith('--analyzer-mode='))?.slice(16);
const checkArguments = options.filter((option) => !option.startsWith('--load=') && !option.startsWith('--analyzer-mode='));
const jobs = Math.max(1, Number(jobsArgument) || 1);
const source = resolve(sourceDir);
const build = resolve(buildDir);
const roots = ['core', 'exchange', 'app', 'tests', 'bench'];
const checksByFolder = new Map(
  checkArguments.map((argument) => {
    const [folder, ...checks] = argument.split('=');
    return [folder, checks.join('=')];
  }),
);
const folderChecksFor = (file) => checksByFolder.get(relative(source, file).split(sep)[0]);
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
const extraArgs = [
  '-std=c++2b',
  '-D__cpp_concepts=202002L',
  '-Wno-macro-redefined',
  ...(analyzerMode ? ['-Xclang', '-analyzer-config', '-Xclang', `mode=${analyzerMode}`] : []),
];
const headerFilter = `^${escape(source + sep)}(${roots.join('|')})/`;

// The plugin's check has to be enabled as well as loaded. It is optional: the findings are the
// same without it (see skip_system_headers.cpp), only slower, so one that does not load is said
// and left out rather than failing the test.
const skipCheck = 'quire-skip-system-headers';
let plugin;
for (const candidate of plugins) {
  const probe = spawnSync(clangTidy, [`--load=${candidate}`, `--checks=-*,${skipCheck}`, '--list-checks'], {
    cwd: source,
    encoding: 'utf8',
  });
  if (probe.status === 0 && probe.stdout.includes(skipCheck)) plugin = candidate;
  else console.log(`warning: ${candidate} does not load, going on without it:\n${probe.stdout}${probe.stderr}`);
}
const checksFor = (file) => [plugin && skipCheck, folderChecksFor(file)].filter(Boolean).join(',');

// Longest first, so that the jobs end together: the files the static analyzer runs on (the
// folders that do not turn it off) before the others, each group largest first; parsing the
// headers costs every file about the same, the analyzer's time grows with the file's own code.
// Measured, it gains a second on alphabetical order, which happens to run the longest file
// (core/sql_task_repository.cpp, 44 s) early; run last, it would leave a core idle that long.
const analyzed = (file) => !/(^|,)-clang-analyzer-\*/.test(folderChecksFor(file) ?? '');
const size = new Map(files.map((file) => [file, statSync(file).size]));
const queue = [...files].sort((a, b) => analyzed(b) - analyzed(a) || size.get(b) - size.get(a) || a.localeCompare(b));

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
        ...(plugin ? [`--load=${plugin}`] : []),
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
    while (next < queue.length) {
      const result = await tidy(queue[next++]);
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
const adjusted =
  [...checksByFolder].map(([folder, checks]) => ` (${folder}/: ${checks})`).join('') +
  (plugin ? ` (system headers skipped: ${basename(plugin)})` : '');
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

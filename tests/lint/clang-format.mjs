// SPDX-License-Identifier: MIT
// ctest lint.clang-format: `clang-format --dry-run -Werror` with the top-level .clang-format on
// every C++ file of ours under core/, exchange/, app/, tests/ and bench/. Files are found when the
// test runs, so a new file is checked without reconfiguring. Generated code (the build tree, any
// generated/ folder) and node_modules are not ours and are left out. Prints the first violations
// of each file, then a count per file and the command that fixes them.
//   node clang-format.mjs <clang-format> <source dir> <build dir>
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const [clangFormat, sourceDir, buildDir] = process.argv.slice(2);
if (!clangFormat || !sourceDir || !buildDir) {
  console.error('usage: node clang-format.mjs <clang-format> <source dir> <build dir>');
  process.exit(2);
}

const roots = ['core', 'exchange', 'app', 'tests', 'bench'];
const skippedFolders = new Set(['node_modules', 'generated']);
const extensions = /\.(cpp|cc|cxx|h|hh|hpp|hxx)$/;
const build = resolve(buildDir) + sep;

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name) && !(path + sep).startsWith(build)) yield* sources(path);
    } else if (entry.isFile() && extensions.test(entry.name)) {
      yield path;
    }
  }
}

const files = roots.flatMap((root) => [...sources(resolve(sourceDir, root))]).sort();
if (files.length === 0) {
  console.error(`no C++ files found under ${roots.join(', ')} in ${sourceDir}`);
  process.exit(1);
}

const run = spawnSync(clangFormat, ['--dry-run', '-Werror', '--style=file', ...files], {
  cwd: sourceDir,
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
if (run.error) throw run.error;
const output = `${run.stdout}${run.stderr}`;

// clang-format reports each violation as three lines: the location, the source line, a caret.
const perFile = new Map();
const violation = /^(.+?):\d+:\d+: (?:error|warning): .*\[-Wclang-format-violations\]$/;
const lines = output.split('\n');
for (let i = 0; i < lines.length; i += 1) {
  const match = violation.exec(lines[i]);
  if (!match) continue;
  const file = relative(sourceDir, resolve(sourceDir, match[1]));
  if (!perFile.has(file)) perFile.set(file, []);
  perFile.get(file).push(lines.slice(i, i + 3).join('\n'));
}

console.log(`${clangFormat}: ${files.length} files checked`);
if (run.status === 0 && perFile.size === 0) process.exit(0);

// The first few of each file, so one badly formatted file does not bury the rest.
const shown = 3;
for (const [file, violations] of [...perFile].sort()) {
  console.log(violations.slice(0, shown).join('\n'));
  if (violations.length > shown) console.log(`${file}: ... and ${violations.length - shown} more`);
}
if (perFile.size === 0) console.log(output);
console.log('\nViolations per file:');
for (const [file, violations] of [...perFile].sort()) console.log(`  ${String(violations.length).padStart(4)}  ${file}`);
if (perFile.size > 0) console.log(`\nFix with: ${clangFormat} -i ${[...perFile.keys()].sort().join(' ')}`);
// Not process.exit(): it could cut off what is still buffered for a piped stdout.
process.exitCode = 1;

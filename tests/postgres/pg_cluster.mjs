// SPDX-License-Identifier: MIT
// ctest fixture postgres: a throwaway PostgreSQL cluster for the tests that need a real server.
//
//   node pg_cluster.mjs start <state file>   initdb + pg_ctl start on a new temporary folder and a
//                                            free loopback port; writes the state file (JSON: url,
//                                            host, port, user, folder)
//   node pg_cluster.mjs stop <state file>    stops that cluster and removes its folder and the file
//   node pg_cluster.mjs pause <state file>   stops the server (as a restart or an outage would),
//                                            keeping its data; its clients lose their sessions
//   node pg_cluster.mjs resume <state file>  starts it again, on the same port with the same data
//
// The server refuses to run as root, so as root it runs as the `postgres` user (which Debian's
// postgresql package creates), in a folder that user owns. Authentication is `trust` on loopback
// only, except for one role that has to give a password (the state's passwordUser and password,
// for the tests of the password prompt), and durability is off (fsync=off): the data lives for
// one test run. A cluster left behind
// by a run that was killed is stopped by the next start, which reuses its state file.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free_port.mjs';

const [command, stateFile] = process.argv.slice(2);
if (!['start', 'stop', 'pause', 'resume'].includes(command) || !stateFile) {
  console.error('usage: node pg_cluster.mjs start|stop|pause|resume <state file>');
  process.exit(2);
}

/** The newest installed server's bin folder (Debian: /usr/lib/postgresql/<major>/bin, not on PATH). */
function serverBin() {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  const bin = majors
    .sort((a, b) => Number(b) - Number(a))
    .map((major) => join(root, major, 'bin'))
    .find((folder) => existsSync(join(folder, 'initdb')));
  if (!bin) throw new Error(`no PostgreSQL server in ${root} (apt-get install postgresql)`);
  return bin;
}

const asRoot = userInfo().uid === 0;

/** Runs a server tool, as `postgres` when we are root; its output is shown only when it fails. */
function run(tool, args) {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', tool, ...args]] : [tool, args];
  try {
    return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`${tool} ${args.join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

function stop() {
  if (!existsSync(stateFile)) return;
  const state = JSON.parse(readFileSync(stateFile, 'utf8'));
  const data = join(state.folder, 'data');
  if (existsSync(data)) {
    try {
      run(join(serverBin(), 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch (error) {
      // Not running (a killed run, a server that never started): the folder goes all the same.
      console.log(String(error.message).split('\n')[0]);
    }
  }
  rmSync(state.folder, { recursive: true, force: true });
  rmSync(stateFile, { force: true });
  console.log(`stopped the PostgreSQL cluster on port ${state.port} and removed ${state.folder}`);
}

async function start() {
  stop();
  const bin = serverBin();
  const folder = mkdtempSync(join(tmpdir(), 'quire-pg-'));
  if (asRoot) {
    const postgres = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const group = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(folder, postgres, group);
  }
  const port = await freePort();
  const user = 'quire';
  const data = join(folder, 'data');
  // Written before the server starts, so that a failed start is still cleaned up by stop.
  const passwordUser = 'quire_password';
  const password = 'quire-test-password';
  const state = {
    url: `postgresql://${user}@127.0.0.1:${port}/postgres`,
    host: '127.0.0.1',
    port,
    user,
    passwordUser,
    password,
    folder,
  };
  writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  run(join(bin, 'initdb'), ['-D', data, '-U', user, '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  // The first line that matches decides: this role, and only it, is asked for its password.
  const hba = join(data, 'pg_hba.conf');
  writeFileSync(hba, `host all ${passwordUser} 127.0.0.1/32 scram-sha-256\n${readFileSync(hba, 'utf8')}`);
  startServer(state);
  run(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', 'postgres', '-q', '-c',
    `CREATE ROLE ${passwordUser} LOGIN PASSWORD '${password}'`]);
  console.log(`started a PostgreSQL cluster: ${state.url} (${folder})`);
}

/** Starts the server of a cluster made by start(), on its port. */
function startServer({ port, folder }) {
  const options = [`-c listen_addresses=127.0.0.1`, `-p ${port}`, `-k ${folder}`, '-c fsync=off', '-c full_page_writes=off'];
  const data = join(folder, 'data');
  run(join(serverBin(), 'pg_ctl'), ['-D', data, '-l', join(folder, 'server.log'), '-o', options.join(' '), '-w', '-t', '60', 'start']);
}

function pause() {
  const state = JSON.parse(readFileSync(stateFile, 'utf8'));
  // "fast": as a restart does, the server ends every session and stops.
  run(join(serverBin(), 'pg_ctl'), ['-D', join(state.folder, 'data'), '-m', 'fast', '-w', 'stop']);
  console.log(`paused the PostgreSQL cluster on port ${state.port}`);
}

function resume() {
  const state = JSON.parse(readFileSync(stateFile, 'utf8'));
  startServer(state);
  console.log(`resumed the PostgreSQL cluster on port ${state.port}`);
}

try {
  if (command === 'start') await start();
  else if (command === 'pause') pause();
  else if (command === 'resume') resume();
  else stop();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

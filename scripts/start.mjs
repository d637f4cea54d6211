/** `npm start`: builds the book and serves it at http://localhost:4321/ for reading. */
import { spawnSync } from 'node:child_process';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', env: process.env }).status ?? 1;
const built = run(process.execPath, ['scripts/build-site.mjs']);
if (built !== 0) process.exit(built);
console.log('\nThe book is ready: open http://localhost:4321/ (Ctrl+C stops the server).\n');
process.exit(run('astro', ['preview', '--port', process.env.PORT ?? '4321']));

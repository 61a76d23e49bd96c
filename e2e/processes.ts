import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { Agent, get } from 'node:http';

// The processes of a server a test starts itself (npm start's cluster, next start and its helpers).

/** Put in the environment of a server a test starts: every process it starts inherits it, so none can hide. */
export const PROCESS_MARKER = 'E2E_SERVER_RUN';

/** Live processes whose environment holds `marker`: a server and the processes it started, or what is left of them. */
export function processesMarked(marker: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`${PROCESS_MARKER}=${marker}`);
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

export function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['--ppid', String(pid), '-o', 'pid='], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // ps exits with 1 when it lists none
  }
}

/** Socket inodes of established TCP connections whose local end is `port`: the server's side of each. */
function acceptedConnections(port: number): Set<string> {
  const rows = readFileSync('/proc/net/tcp', 'utf8').trim().split('\n').slice(1);
  const inodes = new Set<string>();
  for (const row of rows) {
    const [, local, , state, , , , , , inode] = row.trim().split(/\s+/);
    if (parseInt(local!.split(':')[1]!, 16) === port && state === '01') inodes.add(inode!);
  }
  return inodes;
}

/** The processes among `pids` that hold one of those connections: the ones serving them. */
export function processesServing(pids: number[], port: number): number[] {
  const accepted = acceptedConnections(port);
  return pids.filter((pid) =>
    readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return accepted.has(readlinkSync(`/proc/${pid}/fd/${fd}`).match(/^socket:\[(\d+)\]$/)?.[1] ?? '');
      } catch {
        return false;
      }
    }),
  );
}

/** Opens `count` connections to `url` at once with a request each, and keeps them open until `inspect` has looked. */
export async function whileConnected<T>(url: string, count: number, inspect: () => T): Promise<T> {
  const agent = new Agent({ keepAlive: true, maxSockets: count });
  try {
    await Promise.all(
      Array.from({ length: count }, () => new Promise<void>((resolve, reject) => get(url, { agent }, (response) => response.resume().on('end', resolve)).on('error', reject))),
    );
    return inspect();
  } finally {
    agent.destroy();
  }
}

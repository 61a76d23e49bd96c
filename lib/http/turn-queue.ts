import 'server-only';

/** A request waiting for its turn: how to begin its work, how to turn it away, whether its client left. */
export type Waiting = {
  /** The first request on its connection: it already waited, unseen, to be accepted. */
  first: boolean;
  begin: () => void;
  refuse: () => void;
  abandoned: () => boolean;
};

type Queued = Waiting & { since: number };

/**
 * Lets at most `perTurn` requests begin their work per turn of the event loop; the rest wait,
 * in the order they came, and one that waited longer than `maxWaitMs` is refused instead.
 *
 * Why per turn: libuv accepts one new connection per turn, and a turn runs a slice of every
 * request in progress. Begun all at once, a few hundred renders make each turn last tens of
 * milliseconds, so a visitor waits seconds just to be accepted, and a few requests wait longer
 * still while the connections already in are served again and again. Begun a few per turn,
 * turns stay short and requests are served in order, while a request that only waits (for
 * the database, a hash, Gravatar, its equal-time floor) holds nothing back, as a limit on
 * requests in progress would.
 *
 * A connection's first request goes ahead of later requests on connections already served:
 * it has already waited in the kernel's accept queue for as long as a turn took, a wait we
 * cannot see.
 */
export function createTurnQueue({ perTurn, maxWaitMs, now = () => performance.now() }: { perTurn: number; maxWaitMs: number; now?: () => number }) {
  const firsts: Queued[] = [];
  const later: Queued[] = [];
  let begunThisTurn = 0;
  let turnScheduled = false;

  function refuseExpired(queue: Queued[], oldestAllowed: number) {
    while ((queue[0]?.since ?? Infinity) < oldestAllowed) queue.shift()?.refuse();
  }

  function nextTurn() {
    turnScheduled = false;
    begunThisTurn = 0;
    const oldestAllowed = now() - maxWaitMs;
    refuseExpired(firsts, oldestAllowed);
    refuseExpired(later, oldestAllowed);
    try {
      while (begunThisTurn < perTurn) {
        const next = firsts.shift() ?? later.shift();
        if (!next) break;
        if (next.abandoned()) continue;
        begunThisTurn += 1;
        next.begin();
      }
    } finally {
      // A request that failed to begin does not leave the others waiting for the next arrival.
      scheduleTurn();
    }
  }

  function scheduleTurn() {
    if (turnScheduled || (begunThisTurn === 0 && firsts.length === 0 && later.length === 0)) return;
    turnScheduled = true;
    // setImmediate runs once per turn, after that turn's I/O: the next batch begins only
    // after the connections that became readable meanwhile were read.
    setImmediate(nextTurn);
  }

  return {
    admit(request: Waiting): void {
      if (begunThisTurn < perTurn && firsts.length === 0 && later.length === 0) {
        begunThisTurn += 1;
        scheduleTurn();
        request.begin();
        return;
      }
      (request.first ? firsts : later).push({ ...request, since: now() });
      scheduleTurn();
    },
    get waiting(): number {
      return firsts.length + later.length;
    },
  };
}

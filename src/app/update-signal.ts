/**
 * Whether a new version of the app is waiting, and how to switch to it. The service worker module
 * (loaded lazily, only in the hosted build) offers an update here; the prompt subscribes. Kept
 * apart from the service worker so that the prompt, in the first bundle, does not pull in Workbox.
 */
export type PendingUpdate = {
  /** Activates the waiting version and reloads the page into it. */
  apply: () => void;
};

let pending: PendingUpdate | null = null;
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

export function offerUpdate(apply: () => void) {
  pending = { apply };
  notify();
}

export function dismissUpdate() {
  if (pending === null) return;
  pending = null;
  notify();
}

export function pendingUpdate(): PendingUpdate | null {
  return pending;
}

/** For useSyncExternalStore: calls the listener whenever an update is offered or dismissed. */
export function subscribeToUpdates(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

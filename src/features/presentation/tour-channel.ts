/**
 * What one window of a tour tells the others (audience and presenter): the step it shows, and
 * whether the class's screen is blacked out, so that B pressed in the presenter's window blacks
 * out the projector.
 */
export type TourMessage =
  { type: 'step'; tourId: string; step: number } | { type: 'blackout'; on: boolean };

const CHANNEL = 'concept-atlas-tour';

function isTourMessage(value: unknown): value is TourMessage {
  const message = value as Record<string, unknown> | null;
  if (message?.type === 'blackout') return typeof message.on === 'boolean';
  return (
    message?.type === 'step' &&
    typeof message.tourId === 'string' &&
    typeof message.step === 'number' &&
    Number.isInteger(message.step)
  );
}

/**
 * Links the windows of a tour within one browser: stepping in either window moves the other.
 * Closing one window leaves the other working; without BroadcastChannel each works alone.
 */
export function openTourChannel(onMessage: (message: TourMessage) => void) {
  if (typeof BroadcastChannel === 'undefined') {
    return { post: () => {}, postBlackout: () => {}, close: () => {} };
  }
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isTourMessage(event.data)) onMessage(event.data);
  };
  return {
    post: (tourId: string, step: number) => channel.postMessage({ type: 'step', tourId, step }),
    postBlackout: (on: boolean) => channel.postMessage({ type: 'blackout', on }),
    close: () => channel.close(),
  };
}

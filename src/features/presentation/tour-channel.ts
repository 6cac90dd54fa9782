/** A step shown in one window of a tour, told to the others (audience and presenter). */
export type TourMessage = { type: 'step'; tourId: string; step: number };

const CHANNEL = 'concept-atlas-tour';

function isTourMessage(value: unknown): value is TourMessage {
  const message = value as Partial<TourMessage> | null;
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
export function openTourChannel(onStep: (message: TourMessage) => void) {
  if (typeof BroadcastChannel === 'undefined') return { post: () => {}, close: () => {} };
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isTourMessage(event.data)) onStep(event.data);
  };
  return {
    post: (tourId: string, step: number) => channel.postMessage({ type: 'step', tourId, step }),
    close: () => channel.close(),
  };
}

import { afterEach, beforeEach } from 'vitest';
import { useAtlasStore } from '../src/store/atlas-store';

// Every test starts from the store's initial state and leaves nothing behind for the next.
const initialState = useAtlasStore.getInitialState();
const reset = () => {
  useAtlasStore.setState(initialState, true);
  useAtlasStore.temporal.getState().clear();
};
beforeEach(reset);
afterEach(reset);

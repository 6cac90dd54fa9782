import { afterEach, beforeEach } from 'vitest';
import { useAtlasStore } from '../src/store/atlas-store';

// Every test starts from the store's initial state and leaves nothing behind for the next.
const initialState = useAtlasStore.getInitialState();
beforeEach(() => useAtlasStore.setState(initialState, true));
afterEach(() => useAtlasStore.setState(initialState, true));

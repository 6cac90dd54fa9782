import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/app';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { atlasWithTour, fixtureTour } from '../../fixtures/tour-fixture';
import { isFaded } from '../../fixtures/emphasis';

async function renderTour(step = 1, view: 'tour' | 'presenter' = 'tour') {
  useAtlasStore.getState().setAtlas(await atlasWithTour());
  useAtlasStore.setState({ view, tour: { id: 'small', step } });
  const user = userEvent.setup();
  const rendered = render(<App />);
  const node = (id: string) =>
    rendered.container.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`);
  // Presenting loads on demand. The loading message goes as soon as the view is drawn, before the
  // map inside it has its concepts, so wait for what the tests look at.
  if (view === 'tour') {
    await screen.findByRole('heading', { level: 2, name: fixtureTour.steps[step - 1]!.title });
    await waitFor(() => expect(node('water')).not.toBeNull());
  } else {
    await screen.findByRole('heading', { name: `Presenter view: ${fixtureTour.title}` });
  }
  return { user, node, ...rendered };
}

const step = () => useAtlasStore.getState().tour?.step;

describe('presenting a tour', () => {
  it('shows the step in large type with its progress, and emphasises its concepts', async () => {
    const { node } = await renderTour(2);
    expect(screen.getByRole('heading', { level: 2, name: 'Pipes' })).toBeInTheDocument();
    expect(screen.getByText('Pipes carry it.')).toBeInTheDocument();
    expect(screen.getByText('Step 2 of 3')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Progress through the tour' })).toHaveAttribute(
      'aria-valuenow',
      '2',
    );
    expect(node('pipes')).toHaveClass('is-step');
    expect(isFaded(node('rain'))).toBe(true);
  });

  it('steps with the on-screen buttons, which stop at the ends', async () => {
    const { user } = await renderTour(1);
    expect(screen.getByRole('button', { name: '← Previous' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next →' }));
    expect(step()).toBe(2);
    await user.click(screen.getByRole('button', { name: 'Next →' }));
    expect(step()).toBe(3);
    expect(screen.getByRole('button', { name: 'Next →' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '← Previous' }));
    expect(step()).toBe(2);
  });

  it('follows a clicker: Right, PageDown and Space forward; Left and PageUp back; Home and End', async () => {
    const { user } = await renderTour(1);
    await user.keyboard('{ArrowRight}');
    expect(step()).toBe(2);
    await user.keyboard('{ArrowLeft}');
    expect(step()).toBe(1);
    await user.keyboard('{PageDown}');
    expect(step()).toBe(2);
    await user.keyboard('{PageUp}');
    expect(step()).toBe(1);
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard(' ');
    expect(step()).toBe(2);
    await user.keyboard('{End}');
    expect(step()).toBe(3);
    await user.keyboard('{ArrowRight}');
    expect(step()).toBe(3);
    await user.keyboard('{Home}');
    expect(step()).toBe(1);
  });

  it('leaves the tour with Escape and returns to the map', async () => {
    const { user } = await renderTour(2);
    await user.keyboard('{Escape}');
    expect(useAtlasStore.getState()).toMatchObject({ view: 'map', tour: null });
  });

  it('gives the screen to the step: the app header gives way while presenting, and comes back', async () => {
    const { user, container } = await renderTour(1);
    expect(container.querySelector('.app')).toHaveClass('is-presenting');
    // Its search and buttons are out of reach; the page keeps its title for assistive technology.
    expect(screen.queryByRole('button', { name: 'Open map…' })).toBeNull();
    // (The print handout, loaded when the machine has a moment, has a title of its own, which only
    // a printed page shows: its style sheet hides it on screen, which this test's page has none of.)
    const titles = screen
      .getAllByRole('heading', { level: 1 })
      .filter((title) => !title.closest('.print-handout'));
    expect(titles).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(container.querySelector('.app')).not.toHaveClass('is-presenting');
    expect(screen.getByRole('button', { name: 'Open map…' })).toBeVisible();
  });

  it('blacks the screen out with B or ., and brings the step back the same way', async () => {
    const { user } = await renderTour(1);
    await user.keyboard('b');
    const black = screen.getByRole('button', { name: /Screen blacked out/ });
    expect(black).toHaveFocus();
    // Stepping on stays possible in the dark, as with a slide show.
    await user.keyboard('.');
    expect(screen.queryByRole('button', { name: /Screen blacked out/ })).toBeNull();
    await user.keyboard('B');
    await user.click(screen.getByRole('button', { name: /Screen blacked out/ }));
    expect(screen.queryByRole('button', { name: /Screen blacked out/ })).toBeNull();
    expect(
      screen.getByRole('heading', { level: 2, name: fixtureTour.steps[0]!.title }),
    ).toBeVisible();
  });

  it('lists the presenter’s keys, blackout included, under ?', async () => {
    const { user } = await renderTour(1);
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Presenting a tour')).toBeInTheDocument();
    expect(within(dialog).getByText('Black the screen out, and back')).toBeInTheDocument();
    expect(within(dialog).getByText('Next step')).toBeInTheDocument();
  });

  it('hides the concepts of later steps under progressive reveal', async () => {
    const { user, node } = await renderTour(2);
    expect(node('rain')).not.toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Reveal concepts step by step' }));
    expect(node('rain')).toBeNull();
    await user.keyboard('{ArrowRight}');
    expect(node('rain')).not.toBeNull();
  });

  it('offers the presenter view for the same step in another window', async () => {
    await renderTour(2);
    const link = screen.getByRole('link', { name: 'Open presenter view' });
    expect(link).toHaveAttribute('href', '#/presenter/small/2');
    expect(link).toHaveAttribute('target', 'concept-atlas-presenter');
  });

  it('lists the tours in a picker that starts one at its first step', async () => {
    useAtlasStore.getState().setAtlas(await atlasWithTour());
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Present' }));
    const dialog = await screen.findByRole('dialog', { name: 'Present a tour' });
    const start = within(dialog).getByRole('link', { name: /A small tour/ });
    expect(start).toHaveAttribute('href', '#/tour/small/1');
    expect(within(dialog).getByText(/Water, pipes and rain\. \(3 steps\)/)).toBeInTheDocument();
  });

  it('switches to a large, high-contrast projector theme', async () => {
    const { user, container } = await renderTour(1);
    await user.click(screen.getByRole('button', { name: 'Projector theme' }));
    expect(container.querySelector('.app')).toHaveClass('theme-projector');
  });
});

describe('the presenter view', () => {
  it('shows the current and next step, the talking points and a clock', async () => {
    // The clock ticks each second: stopped, it reads 0:00 however long the view took to load.
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 0, 2, 9));
    await renderTour(2, 'presenter');
    expect(screen.getByRole('heading', { name: 'Pipes' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Rain' })).toBeInTheDocument();
    // The question for the class stands out.
    expect(screen.getByText('Question: what leaks?')).toHaveClass('presenter__question');
    expect(screen.getByText('0:00')).toBeInTheDocument();
  });

  it('emphasises a question for the class that ends with a task rather than a question mark', async () => {
    const atlas = await atlasWithTour();
    const tour = atlas.tours[0]!;
    const steps = tour.steps.map((s, i) =>
      i === 1 ? { ...s, notes: 'Point one\nQuestion: which part matters most? Defend it.' } : s,
    );
    useAtlasStore.getState().setAtlas({ ...atlas, tours: [{ ...tour, steps }] });
    useAtlasStore.setState({ view: 'presenter', tour: { id: 'small', step: 2 } });
    render(<App />);
    expect(await screen.findByText('Question: which part matters most? Defend it.')).toHaveClass(
      'presenter__question',
    );
    expect(screen.getByText('Point one')).not.toHaveClass('presenter__question');
  });

  it('follows a step taken in the audience window', async () => {
    await renderTour(1, 'presenter');
    const audience = new BroadcastChannel('concept-atlas-tour');
    audience.postMessage({ type: 'step', tourId: 'small', step: 3 });
    // The message arrives in a task of its own, after however long the other window takes.
    await waitFor(() => expect(step()).toBe(3));
    expect(useAtlasStore.getState().view).toBe('presenter');
    expect(await screen.findByRole('heading', { name: 'End of the tour' })).toBeInTheDocument();
    audience.close();
  });

  it('tells the audience window when the presenter steps', async () => {
    const { user } = await renderTour(1, 'presenter');
    const heard: unknown[] = [];
    const audience = new BroadcastChannel('concept-atlas-tour');
    audience.onmessage = (event) => heard.push(event.data);
    await user.click(screen.getByRole('button', { name: 'Next →' }));
    await expect.poll(() => heard).toContainEqual({ type: 'step', tourId: 'small', step: 2 });
    audience.close();
  });

  it('shows a live preview of the class’s screen, which the presenter can hide and which is remembered', async () => {
    const { user } = await renderTour(2, 'presenter');
    const preview = screen.getByTitle('Preview of the class’s screen');
    expect(preview.tagName).toBe('IFRAME');
    // The audience's view of the same step, which takes neither focus nor clicks.
    expect(preview.getAttribute('src')).toMatch(/#\/tour\/small\/2$/);
    expect(preview).toHaveAttribute('inert');
    expect(preview).toHaveAttribute('tabindex', '-1');
    const toggle = screen.getByRole('button', { name: 'Preview' });
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await user.click(toggle);
    expect(screen.queryByTitle('Preview of the class’s screen')).toBeNull();
    expect(useAtlasStore.getState().audiencePreview).toBe(false);
    await user.click(toggle);
    expect(screen.getByTitle('Preview of the class’s screen')).toBeInTheDocument();
  });

  it('blacks out the class’s screen from the presenter’s window, by key and by button', async () => {
    const { user } = await renderTour(1, 'presenter');
    const heard: unknown[] = [];
    const audience = new BroadcastChannel('concept-atlas-tour');
    audience.onmessage = (event) => heard.push(event.data);
    await user.keyboard('b');
    await expect.poll(() => heard).toContainEqual({ type: 'blackout', on: true });
    const button = screen.getByRole('button', { name: 'Black out B' });
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('The class’s screen is blacked out')).toBeInTheDocument();
    await user.click(button);
    await expect.poll(() => heard).toContainEqual({ type: 'blackout', on: false });
    expect(screen.queryByText('The class’s screen is blacked out')).toBeNull();
    audience.close();
  });
});

describe('the windows of a tour', () => {
  it('black out together when any of them does', async () => {
    await renderTour(1);
    const presenter = new BroadcastChannel('concept-atlas-tour');
    presenter.postMessage({ type: 'blackout', on: true });
    expect(await screen.findByRole('button', { name: /Screen blacked out/ })).toBeInTheDocument();
    presenter.postMessage({ type: 'blackout', on: false });
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /Screen blacked out/ })).toBeNull(),
    );
    presenter.close();
  });

  it('leave the presenter’s preview of the class out: it follows and tells nobody', async () => {
    window.name = 'concept-atlas-audience-preview';
    try {
      const { user } = await renderTour(1);
      const heard: unknown[] = [];
      const presenter = new BroadcastChannel('concept-atlas-tour');
      presenter.onmessage = (event) => heard.push(event.data);
      // A step told by another window is not followed: the preview follows its own address.
      presenter.postMessage({ type: 'step', tourId: 'small', step: 3 });
      await user.click(screen.getByRole('button', { name: 'Next →' }));
      expect(step()).toBe(2);
      // The step heading does not take the focus from the presenter's window.
      expect(screen.getByRole('heading', { level: 2, name: 'Pipes' })).not.toHaveFocus();
      // Told nothing, in the time the other messages of these tests take to arrive.
      const control = new BroadcastChannel('concept-atlas-tour');
      control.postMessage({ type: 'step', tourId: 'small', step: 1 });
      await expect.poll(() => heard).toHaveLength(1);
      expect(heard).toEqual([{ type: 'step', tourId: 'small', step: 1 }]);
      expect(step()).toBe(2);
      control.close();
      presenter.close();
    } finally {
      window.name = '';
    }
  });
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { QuizView } from '../../../src/features/study/quiz-view';
import type { Atlas } from '../../../src/model/atlas';
import { BLANK, generateQuiz, type Question } from '../../../src/model/quiz';
import { useAtlasStore } from '../../../src/store/atlas-store';
import { fixtureAtlas } from '../../fixtures/load-fixture';
import { loadRealAtlas } from '../../fixtures/real-atlas';

const atlas: Atlas = loadRealAtlas();
const quiz = generateQuiz(atlas, { seed: 1 });
const label = (id: string) => atlas.graph.concepts.find((c) => c.id === id)?.label ?? id;

/** The heading's accessible name: the blank is spoken as “blank”. */
const spoken = (question: Question) => question.prompt.replace(BLANK, 'blank');
const textOf = (question: Question, optionId: string) =>
  question.options.find((o) => o.id === optionId)?.text ?? '';
const wrongOption = (question: Question) =>
  question.options.find((o) => o.id !== question.correct)!;

function renderQuiz(props: Parameters<typeof QuizView>[0] = { seed: 1 }) {
  useAtlasStore.getState().setAtlas(atlas);
  const user = userEvent.setup();
  return { user, ...render(<QuizView {...props} />) };
}

async function answer(user: ReturnType<typeof userEvent.setup>, question: Question, id: string) {
  await user.click(screen.getByRole('radio', { name: textOf(question, id) }));
  await user.click(screen.getByRole('button', { name: 'Check answer' }));
}

describe('the quiz', () => {
  it('shows one question at a time with its progress and options', () => {
    renderQuiz();
    const first = quiz[0]!;
    expect(screen.getByText('Question 1 of 10')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: spoken(first) })).toBeInTheDocument();
    const group = screen.getByRole('group', { name: spoken(first) });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.closest('label')?.textContent)).toEqual(
      first.options.map((o) => o.text),
    );
    for (const radio of radios) expect(radio).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Check answer' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Next question' })).toBeNull();
  });

  it('can be answered with the keyboard alone, with focus following the questions', async () => {
    const onAnswered = vi.fn();
    const { user } = renderQuiz({ seed: 1, onAnswered });
    const first = quiz[0]!;
    const target = first.options.findIndex((o) => o.id === first.correct);
    await user.tab();
    expect(document.activeElement).toBe(screen.getAllByRole('radio')[0]);
    await user.keyboard(' ');
    for (let i = 0; i < target; i += 1) await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: textOf(first, first.correct) })).toBeChecked();
    await user.keyboard('{Enter}');

    const feedback = screen.getByText('Correct.').closest('[tabindex="-1"]');
    expect(feedback).toHaveFocus();
    expect(onAnswered).toHaveBeenCalledWith(first.conceptIds, true);

    await user.tab();
    expect(document.activeElement).toHaveAttribute(
      'href',
      `#/quiz/concept/${first.explanation.conceptId}`,
    );
    await user.tab();
    expect(document.activeElement).toHaveAccessibleName('Next question');
    await user.keyboard('{Enter}');
    expect(screen.getByText('Question 2 of 10')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: spoken(quiz[1]!) })).toHaveFocus();
  });

  it('confirms a right answer and quotes the author’s words', async () => {
    const { user } = renderQuiz();
    const first = quiz[0]!;
    await answer(user, first, first.correct);
    const live = screen.getByText('Correct.').closest('[aria-live="polite"]') as HTMLElement;
    expect(live).not.toBeNull();
    expect(live.querySelector('blockquote')).toHaveTextContent(first.explanation.quote, {
      normalizeWhitespace: true,
    });
    expect(
      within(live).getByRole('link', { name: label(first.explanation.conceptId) }),
    ).toHaveAttribute('href', `#/quiz/concept/${first.explanation.conceptId}`);
    expect(
      screen.getByRole('radio', { name: `${textOf(first, first.correct)} Your answer: right` }),
    ).toBeChecked();
    for (const radio of screen.getAllByRole('radio')) expect(radio).toBeDisabled();
  });

  it('shows the right answer, in words, after a wrong one', async () => {
    const onAnswered = vi.fn();
    const { user } = renderQuiz({ seed: 1, onAnswered });
    const first = quiz[0]!;
    const wrong = wrongOption(first);
    await answer(user, first, wrong.id);
    const verdict = screen.getByText('Not quite:').closest('p');
    expect(verdict).toHaveTextContent(
      `Not quite: the answer is “${textOf(first, first.correct)}”.`,
    );
    expect(screen.queryByText('Correct.')).toBeNull();
    expect(
      screen.getByRole('radio', { name: `${textOf(first, first.correct)} Right answer` }),
    ).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: `${wrong.text} Your answer: wrong` })).toBeChecked();
    expect(screen.getByRole('blockquote')).toHaveTextContent(first.explanation.quote, {
      normalizeWhitespace: true,
    });
    expect(onAnswered).toHaveBeenCalledWith(first.conceptIds, false);
  });

  it('asks for a choice before checking', async () => {
    const onAnswered = vi.fn();
    const { user } = renderQuiz({ seed: 1, onAnswered });
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(screen.getByText('Choose an answer first, then check it.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Next question' })).toBeNull();
    expect(onAnswered).not.toHaveBeenCalled();
  });

  it('ends with the score and the concepts to review, and starts a new quiz on request', async () => {
    const { user } = renderQuiz();
    for (const [index, question] of quiz.entries()) {
      await answer(user, question, index === 0 ? wrongOption(question).id : question.correct);
      const last = index === quiz.length - 1;
      await user.click(
        screen.getByRole('button', { name: last ? 'See your result' : 'Next question' }),
      );
    }
    expect(screen.getByRole('heading', { level: 2, name: 'Your result' })).toHaveFocus();
    expect(screen.getByText('You answered 9 of 10 correctly.')).toBeInTheDocument();
    const review = screen.getByRole('list');
    const links = within(review).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(
      quiz[0]!.conceptIds.map((id) => `#/quiz/concept/${id}`),
    );
    expect(links.map((a) => a.textContent)).toEqual(quiz[0]!.conceptIds.map(label));

    await user.click(screen.getByRole('button', { name: 'Try a new quiz' }));
    expect(screen.queryByText(/You answered/)).toBeNull();
    expect(screen.getByText('Question 1 of 10')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveFocus();
    const options = screen.getAllByRole('radio').map((r) => r.closest('label')?.textContent);
    // A new seed: the same first question with its options in the same order would be a repeat.
    const repeat =
      screen.queryByRole('heading', { level: 2, name: spoken(quiz[0]!) }) !== null &&
      options.join('|') === quiz[0]!.options.map((o) => o.text).join('|');
    expect(repeat).toBe(false);
    for (const radio of screen.getAllByRole('radio')) expect(radio).not.toBeChecked();
  });

  it('draws a fresh seed for each mount when none is given', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.75);
    renderQuiz({});
    const expected = generateQuiz(atlas, { seed: Math.floor(0.75 * 2 ** 32) })[0]!;
    expect(expected.prompt).not.toBe(quiz[0]!.prompt);
    expect(screen.getByRole('heading', { level: 2, name: spoken(expected) })).toBeInTheDocument();
  });

  it('explains when the map is too small for a quiz', async () => {
    useAtlasStore.getState().setAtlas(await fixtureAtlas());
    render(<QuizView seed={1} />);
    expect(screen.getByText(/does not have enough concepts/)).toBeInTheDocument();
    expect(screen.queryByRole('radio')).toBeNull();
  });
});

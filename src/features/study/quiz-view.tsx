import { CircleCheck, CircleX, RotateCcw } from 'lucide-react';
import { Fragment, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { defaultRoute, formatRoute } from '../../model/route';
import {
  BLANK,
  generateQuiz,
  mulberry32,
  scoreQuiz,
  type Question,
  type QuestionType,
} from '../../model/quiz';
import type { Correction } from '../../model/corrections';
import { useAtlasStore } from '../../store/atlas-store';
import { CorrectedText } from '../../shared/curator-note';
import './quiz-view.css';

type AnswerHandler = (conceptIds: string[], correct: boolean) => void;

type QuizViewProps = {
  /** Fixes the quiz (tests, shared links); by default every mount gets a fresh shuffle. */
  seed?: number;
  /** Called each time a question is checked, with the concepts it was about. */
  onAnswered?: AnswerHandler;
};

const randomSeed = () => Math.floor(Math.random() * 2 ** 32);
// A new quiz follows from the last seed, so a fixed first seed gives a repeatable series.
const nextSeed = (seed: number) => Math.floor(mulberry32(seed)() * 2 ** 32);
// Links keep the quiz open: the concept shows in the details panel beside it.
const conceptHref = (id: string) => formatRoute({ ...defaultRoute, view: 'quiz', conceptId: id });

const hints: Record<QuestionType, string> = {
  'complete-proposition': 'Choose the concept that makes the statement true.',
  'pair-poles': 'Choose the pole that belongs with it.',
  order: 'Choose the order in which the article presents them.',
  'which-section': 'Choose the section of the article.',
  'which-pillar': 'Choose the pillar.',
};

/** The prompt with its blank spoken as “blank” rather than as three underscores. */
function PromptText({ text }: { text: string }) {
  const parts = text.split(BLANK);
  return parts.map((part, i) => (
    // Plain text nodes, so that the spaces around the blank stay in the heading's spoken name.
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 ? (
        <>
          <span className="quiz__blank" aria-hidden="true">
            {BLANK}
          </span>
          <span className="visually-hidden">blank</span>
        </>
      ) : null}
    </Fragment>
  ));
}

/** A self-test generated from the map: one question at a time, then the score. */
export function QuizView({ seed: initialSeed, onAnswered }: QuizViewProps) {
  const atlas = useAtlasStore((s) => s.atlas);
  const [seed, setSeed] = useState(() => initialSeed ?? randomSeed());
  const [restarted, setRestarted] = useState(false);
  const questions = useMemo(() => (atlas ? generateQuiz(atlas, { seed }) : []), [atlas, seed]);
  const labels = useMemo(
    () => new Map(atlas?.graph.concepts.map((c) => [c.id, c.label]) ?? []),
    [atlas],
  );

  if (!atlas) return null;
  return (
    <section className="quiz" aria-label="Self-test quiz">
      <div className="quiz__inner">
        {questions.length === 0 ? (
          <p>The map does not have enough concepts and relations to make a quiz yet.</p>
        ) : (
          <QuizRun
            key={seed}
            questions={questions}
            labels={labels}
            corrections={atlas.graph.corrections}
            focusOnStart={restarted}
            onAnswered={onAnswered}
            onRestart={() => {
              setSeed(nextSeed);
              setRestarted(true);
            }}
          />
        )}
      </div>
    </section>
  );
}

type QuizRunProps = {
  questions: Question[];
  labels: ReadonlyMap<string, string>;
  /** The curator's corrections, shown beside the words they correct in the quoted passage. */
  corrections: readonly Correction[] | undefined;
  focusOnStart: boolean;
  onAnswered: AnswerHandler | undefined;
  onRestart: () => void;
};

/** One pass through a quiz; a new quiz mounts a new run, so its state starts afresh. */
function QuizRun({
  questions,
  labels,
  corrections,
  focusOnStart,
  onAnswered,
  onRestart,
}: QuizRunProps) {
  const [index, setIndex] = useState(0);
  const [choice, setChoice] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const [missing, setMissing] = useState(false);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  // Focus moves only in answer to the user: to the feedback once checked, to the next heading.
  const pendingFocus = useRef<'heading' | 'feedback' | null>(focusOnStart ? 'heading' : null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const hintId = useId();

  useEffect(() => {
    const target = pendingFocus.current;
    pendingFocus.current = null;
    if (target === 'heading') headingRef.current?.focus();
    if (target === 'feedback') feedbackRef.current?.focus();
  }, [index, checked]);

  const question = questions[index];
  const label = (id: string) => labels.get(id) ?? id;

  if (!question) {
    const score = scoreQuiz(questions, answers);
    return (
      <div className="quiz__result">
        <h2 className="quiz__heading" ref={headingRef} tabIndex={-1}>
          Your result
        </h2>
        <p className="quiz__score">
          You answered {score.correct} of {score.total} correctly.
        </p>
        {score.toReview.length > 0 ? (
          <>
            <h3 className="quiz__subheading">Concepts to review</h3>
            <ul className="quiz__review">
              {score.toReview.map((id) => (
                <li key={id}>
                  <a href={conceptHref(id)}>{label(id)}</a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>Every answer was right: nothing to review.</p>
        )}
        <button type="button" className="quiz__button" onClick={onRestart}>
          <RotateCcw aria-hidden="true" size={18} />
          Try a new quiz
        </button>
      </div>
    );
  }

  const right = choice === question.correct;
  const answerText = question.options.find((o) => o.id === question.correct)?.text ?? '';
  const last = index === questions.length - 1;

  function check(event: FormEvent) {
    event.preventDefault();
    if (checked || !question) return;
    if (choice === null) {
      setMissing(true);
      return;
    }
    setAnswers((previous) => ({ ...previous, [question.id]: choice }));
    setChecked(true);
    setMissing(false);
    pendingFocus.current = 'feedback';
    onAnswered?.(question.conceptIds, choice === question.correct);
  }

  function next() {
    setIndex((i) => i + 1);
    setChoice(null);
    setChecked(false);
    pendingFocus.current = 'heading';
  }

  const { quote, conceptId, speaker } = question.explanation;
  return (
    <form className="quiz__question" onSubmit={check} noValidate>
      <p className="quiz__progress">
        Question {index + 1} of {questions.length}
      </p>
      <fieldset className="quiz__fieldset" aria-describedby={hintId}>
        <legend className="quiz__legend">
          <h2 className="quiz__heading quiz__prompt" ref={headingRef} tabIndex={-1}>
            <PromptText text={question.prompt} />
          </h2>
        </legend>
        <p className="quiz__hint" id={hintId}>
          {hints[question.type]}
        </p>
        <div className="quiz__options">
          {question.options.map((option) => {
            const isAnswer = checked && option.id === question.correct;
            const isWrongChoice = checked && option.id === choice && !right;
            const state = isAnswer ? ' is-answer' : isWrongChoice ? ' is-wrong' : '';
            return (
              <label key={option.id} className={`quiz__option${state}`}>
                <input
                  type="radio"
                  name={`quiz-${question.id}`}
                  value={option.id}
                  checked={choice === option.id}
                  disabled={checked}
                  onChange={() => {
                    setChoice(option.id);
                    setMissing(false);
                  }}
                />
                <span className="quiz__option-text">{option.text}</span>
                {isAnswer || isWrongChoice ? ' ' : null}
                {isAnswer ? (
                  <span className="quiz__tag quiz__tag--right">
                    <CircleCheck aria-hidden="true" size={18} />
                    {option.id === choice ? 'Your answer: right' : 'Right answer'}
                  </span>
                ) : null}
                {isWrongChoice ? (
                  <span className="quiz__tag quiz__tag--wrong">
                    <CircleX aria-hidden="true" size={18} />
                    Your answer: wrong
                  </span>
                ) : null}
              </label>
            );
          })}
        </div>
      </fieldset>
      <div className="quiz__live" aria-live="polite">
        {checked ? (
          <div
            ref={feedbackRef}
            tabIndex={-1}
            className={`quiz__feedback ${right ? 'quiz__feedback--right' : 'quiz__feedback--wrong'}`}
          >
            <p className="quiz__verdict">
              {right ? (
                <>
                  <CircleCheck aria-hidden="true" size={22} />
                  <strong>Correct.</strong>
                </>
              ) : (
                <>
                  <CircleX aria-hidden="true" size={22} />
                  <span>
                    <strong>Not quite:</strong> the answer is “{answerText}”.
                  </span>
                </>
              )}
            </p>
            <figure className="quiz__source">
              <figcaption className="quiz__source-caption">
                {speaker === undefined
                  ? 'In the author’s words:'
                  : `In the article, quoting ${label(speaker)}:`}
              </figcaption>
              <blockquote className="quiz__quote">
                <CorrectedText text={quote} corrections={corrections} />
              </blockquote>
            </figure>
            <p className="quiz__more">
              Read more about <a href={conceptHref(conceptId)}>{label(conceptId)}</a> on the map.
            </p>
          </div>
        ) : missing ? (
          <p className="quiz__missing">Choose an answer first, then check it.</p>
        ) : null}
      </div>
      <div className="quiz__actions">
        {checked ? (
          <button key="next" type="button" className="quiz__button" onClick={next}>
            {last ? 'See your result' : 'Next question'}
          </button>
        ) : (
          <button key="check" type="submit" className="quiz__button">
            Check answer
          </button>
        )}
      </div>
    </form>
  );
}
